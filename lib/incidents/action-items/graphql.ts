// The GraphQL documents of "postmortem action item → GitHub issue" (validated against GitHub's schema in
// the tests): the repository's node id, the mutation, and the recent issues searched for a claim's marker.
import { gql } from "@/lib/github/queries/document";

export const REPOSITORY_ID = gql(
  `query ActionItemRepository($owner: String!, $name: String!) { repository(owner: $owner, name: $name) { id viewerPermission } }`,
);

export const CREATE_ISSUE = gql(
  `mutation ActionItemCreateIssue($repositoryId: ID!, $title: String!, $body: String!) {
    createIssue(input: { repositoryId: $repositoryId, title: $title, body: $body }) { issue { id number url } }
  }`,
);

/** Newest issues first: an issue created by a call whose answer was lost is among them. */
export const RECENT_ISSUES = gql(
  `query ActionItemRecentIssues($owner: String!, $name: String!) {
    repository(owner: $owner, name: $name) {
      issues(first: 50, orderBy: { field: CREATED_AT, direction: DESC }) { nodes { id number url body } }
    }
  }`,
);

export type CreatedIssue = { id: string; number: number; url: string };
export type RecentIssues = { repository: { issues: { nodes: Array<CreatedIssue & { body: string }> } } | null };
