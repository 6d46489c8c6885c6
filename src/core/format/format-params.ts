/** Parameters in billions as papers write them: "4B", "32B", "0.5B", "1.2T"; null as "n/a". */
export function formatParams(billions: number | null): string {
  if (billions === null || !Number.isFinite(billions)) return 'n/a';
  if (billions >= 1000) return `${trim(billions / 1000)}T`;
  if (billions < 1) return `${trim(billions * 1000)}M`;
  return `${trim(billions)}B`;
}

function trim(x: number): string {
  const digits = x >= 10 ? 0 : 1;
  return Number(x.toFixed(digits)).toString();
}
