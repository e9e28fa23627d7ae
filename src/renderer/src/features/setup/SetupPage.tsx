export function SetupPage(): React.JSX.Element {
  return <div />
}
