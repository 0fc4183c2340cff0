import { Component, type ReactNode } from "react";
import { ErrorMessage } from "./feedback.tsx";

/** Shows a page's rendering error (or a failed chunk load) in words instead of a blank screen. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override render() {
    if (this.state.error !== null) return <ErrorMessage error={this.state.error} onRetry={() => window.location.reload()} />;
    return this.props.children;
  }
}
