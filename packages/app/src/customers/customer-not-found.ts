import { notFound, type AppError } from "@tenure/shared";

/** The not-found error of a customer id: the same whether it does not exist or is another workspace's. */
export function customerNotFound(id: string): AppError {
  return notFound("customer_not_found", `No customer with id "${id}"`, { field: "id" });
}
