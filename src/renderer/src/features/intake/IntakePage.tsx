export function IntakePage(): React.JSX.Element {
  return <div />
}
