/** The quarter picker the Insights period and the quarterly report share ("2024 Q3"). */
export function QuarterSelect({ quarters, value, onChange }: { quarters: string[]; value: string; onChange: (quarter: string) => void }) {
  return (
    <label className="inline-field">
      <span>Quarter</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {quarters.map((q) => (
          <option key={q} value={q}>
            {q}
          </option>
        ))}
      </select>
    </label>
  );
}
