/**
 * Renders `render()` again only when `memoKey` changes: parts of the widget that a token step does not touch (the
 * controls, the chart, the grid's other rows) skip Preact's diff, which keeps an N = 1024 update inside one frame.
 */
import { Component, type ComponentChildren } from 'preact';

interface Props {
  memoKey: string;
  render: () => ComponentChildren;
}

export class Memo extends Component<Props> {
  override shouldComponentUpdate(next: Props): boolean {
    return next.memoKey !== this.props.memoKey;
  }

  override render() {
    return this.props.render();
  }
}
