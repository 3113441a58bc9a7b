// Fragments shared by the item, repository and follow-up queries. Schema facts that shape them:
// timeline item types differ between issues and PRs, bots have `__typename: "Bot"` and no
// `[bot]` suffix, and a deleted author is `null`.
import { fragment } from "./document";

export const ACTOR = fragment(`fragment ActorFields on Actor { __typename login }`);

export const LABEL = fragment(`fragment LabelFields on Label { id name color description }`);

export const COMMENT = fragment(
  `fragment CommentFields on IssueComment {
    id databaseId author { ...ActorFields } authorAssociation body createdAt updatedAt url
  }`,
  [ACTOR],
);

export const REVIEW = fragment(
  `fragment ReviewFields on PullRequestReview {
    id databaseId author { ...ActorFields } authorAssociation state body submittedAt createdAt updatedAt url
  }`,
  [ACTOR],
);

/** Timeline events kept per item: label history, close/reopen and draft changes. */
export const EVENTS = fragment(
  `fragment LabeledFields on LabeledEvent { id createdAt actor { ...ActorFields } label { name } }
  fragment UnlabeledFields on UnlabeledEvent { id createdAt actor { ...ActorFields } label { name } }
  fragment ClosedFields on ClosedEvent { id createdAt actor { ...ActorFields } stateReason }
  fragment ReopenedFields on ReopenedEvent { id createdAt actor { ...ActorFields } }`,
  [ACTOR],
);
export const PR_EVENTS = fragment(
  `fragment ReadyFields on ReadyForReviewEvent { id createdAt actor { ...ActorFields } }
  fragment DraftFields on ConvertToDraftEvent { id createdAt actor { ...ActorFields } }`,
  [ACTOR],
);

export const ISSUE_EVENT_TYPES = "[LABELED_EVENT, UNLABELED_EVENT, CLOSED_EVENT, REOPENED_EVENT]";
export const PR_EVENT_TYPES =
  "[LABELED_EVENT, UNLABELED_EVENT, CLOSED_EVENT, REOPENED_EVENT, READY_FOR_REVIEW_EVENT, CONVERT_TO_DRAFT_EVENT]";
export const EVENT_SPREADS = "__typename ...LabeledFields ...UnlabeledFields ...ClosedFields ...ReopenedFields";
export const PR_EVENT_SPREADS = `${EVENT_SPREADS} ...ReadyFields ...DraftFields`;

export const CHECK_SUITE = fragment(
  `fragment CheckSuiteFields on CheckSuite { id databaseId status conclusion createdAt updatedAt app { slug name } workflowRun { workflow { name } } }`,
);

export const CHECK_CONTEXT = fragment(
  `fragment CheckRunFields on CheckRun {
    id databaseId name status conclusion startedAt completedAt detailsUrl
    checkSuite { ...CheckSuiteFields }
  }
  fragment StatusContextFields on StatusContext { id context state createdAt targetUrl }`,
  [CHECK_SUITE],
);

/** A commit's CI as GitHub shows it: the rollup state and its latest check runs and statuses. */
export const ROLLUP = fragment(
  `fragment RollupFields on StatusCheckRollup {
    id state
    contexts(first: 50) {
      totalCount pageInfo { hasNextPage endCursor }
      nodes { __typename ...CheckRunFields ...StatusContextFields }
    }
  }`,
  [CHECK_CONTEXT],
);
