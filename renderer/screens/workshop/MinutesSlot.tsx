// Where the minutes export sits on the workshop page (wscore's MinutesExport renders here once it lands).
export function MinutesSlot({ workshopId }: { workshopId: number }) {
  return <p className="muted" data-workshop={workshopId}>The minutes can be exported once the workshop has run.</p>;
}
