export function TicketPage({ ticketId }: { ticketId: string }): React.JSX.Element {
  return <div>{ticketId}</div>
}
