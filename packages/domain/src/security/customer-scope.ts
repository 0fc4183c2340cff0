/**
 * Which customers a caller may act on: all of the workspace's, those a rep
 * owns (customers.owner_user_id), or those a support agent looks after
 * (CustomerAssignmentRepository: today customer_assignments; cases later).
 */
export type CustomerScope = { kind: "all" } | { kind: "owned"; userId: string } | { kind: "supported"; userId: string };

/** The support relation of agents to customers. */
export interface CustomerAssignmentRepository {
  /**
   * True when the agent looks after the customer. This is the one definition
   * of "the customers an agent has cases with"; storage reuses the same SQL
   * for scoped searches.
   */
  isSupportedBy(workspaceId: string, userId: string, customerId: string): Promise<boolean>;
  assign(workspaceId: string, userId: string, customerId: string): Promise<void>;
}
