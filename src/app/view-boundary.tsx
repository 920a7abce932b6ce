/**
 * One view's failure stays in its pane: the map, the timeline, the list, the details, the reader and the filters
 * each sit in a ViewBoundary, which shows which view failed and offers Retry while the others keep working. Without
 * it an exception in any one of them unmounted the whole page (React removes the tree above an uncaught error).
 */
import { Component, Fragment, type ReactNode } from 'react';

interface ViewBoundaryProps {
  /** The view as the user knows it: "map", "timeline", "list of events", "details", "reader", "filters". */
  view: string;
  children: ReactNode;
}

interface ViewBoundaryState {
  error: Error | null;
  /** Bumped by Retry: the children are mounted afresh, not re-rendered with the state that failed. */
  attempt: number;
}

export class ViewBoundary extends Component<ViewBoundaryProps, ViewBoundaryState> {
  override state: ViewBoundaryState = { error: null, attempt: 0 };

  static getDerivedStateFromError(error: unknown): Partial<ViewBoundaryState> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown): void {
    // For whoever opens the console to report it; the page itself says what happened in words.
    console.error(`The ${this.props.view} view failed:`, error);
  }

  private readonly retry = () => this.setState((s) => ({ error: null, attempt: s.attempt + 1 }));

  override render(): ReactNode {
    const { error, attempt } = this.state;
    // Keyed by the attempt, so that Retry remounts the view.
    if (!error) return <Fragment key={attempt}>{this.props.children}</Fragment>;
    return (
      <div className="view-failed" role="alert">
        <p>
          <strong>The {this.props.view} could not be shown.</strong> The other views still work.
        </p>
        {/* The message as text (React escapes it): it may quote data from the dataset. */}
        <p className="view-failed-detail">{error.message}</p>
        <button type="button" onClick={this.retry}>
          Retry
        </button>
      </div>
    );
  }
}
