// The GraphQL documents of the triage actions. Label mutations read back the newest label events,
// so the stored history gets GitHub's own event ids (the next sync then finds nothing new).
import { fragment, gql } from "@/lib/github/queries/document";
import { ACTOR, COMMENT } from "@/lib/github/queries/fragments";

const LABEL_EVENTS = `timelineItems(last: 20, itemTypes: [LABELED_EVENT, UNLABELED_EVENT]) {
  nodes { __typename ... on LabeledEvent { id createdAt actor { ...ActorFields } label { name } } ... on UnlabeledEvent { id createdAt actor { ...ActorFields } label { name } } }
}`;
const LABEL_HISTORY = fragment(
  `fragment TriageLabelHistory on Labelable { ... on Issue { ${LABEL_EVENTS} } ... on PullRequest { ${LABEL_EVENTS} } }`,
  [ACTOR],
);

export const ADD_LABELS = gql(
  `mutation TriageAddLabels($id: ID!, $labelIds: [ID!]!) { addLabelsToLabelable(input: { labelableId: $id, labelIds: $labelIds }) { labelable { ...TriageLabelHistory } } }`,
  [LABEL_HISTORY],
);

export const REMOVE_LABELS = gql(
  `mutation TriageRemoveLabels($id: ID!, $labelIds: [ID!]!) { removeLabelsFromLabelable(input: { labelableId: $id, labelIds: $labelIds }) { labelable { ...TriageLabelHistory } } }`,
  [LABEL_HISTORY],
);

export const ADD_COMMENT = gql(
  `mutation TriageAddComment($id: ID!, $body: String!) { addComment(input: { subjectId: $id, body: $body }) { commentEdge { node { ...CommentFields } } } }`,
  [COMMENT],
);

export const CLOSE_ISSUE = gql(
  `mutation TriageCloseIssue($id: ID!) { closeIssue(input: { issueId: $id, stateReason: NOT_PLANNED }) { issue { id state stateReason closedAt updatedAt } } }`,
);

export const VIEWER_PERMISSION = gql(
  `query TriagePermission($owner: String!, $name: String!) { repository(owner: $owner, name: $name) { viewerPermission } }`,
);

export type GqlActor = { __typename: string; login: string } | null;
export type GqlLabelEvent = {
  __typename: string;
  id?: string;
  createdAt?: string;
  actor?: GqlActor;
  label?: { name: string };
};
export type LabelMutationResult = { labelable: { timelineItems?: { nodes: GqlLabelEvent[] } } | null };
