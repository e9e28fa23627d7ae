export function QueuePage(): React.JSX.Element {
  return <div />
}
