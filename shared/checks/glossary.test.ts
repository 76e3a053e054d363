import { describe, expect, it } from 'vitest';
import { parseGlossary } from './glossary';
import { checkTerminology } from './terminology-check';

const TSV =
  'source\ttarget\tforbidden\n# a comment\n一带一路\tBelt and Road Initiative\tOne Belt, One Road; Belt and Road program\n慢行通道\twalking and cycling route\tslow lane\n';
const TBX = `<?xml version="1.0"?><tbx><text><body>
<termEntry id="t1"><langSet xml:lang="zh"><tig><term>慢行通道</term></tig></langSet>
<langSet xml:lang="en-GB"><tig><term>walking and cycling route</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
<tig><term>slow lane</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig></langSet></termEntry>
</body></text></tbx>`;

describe('glossary', () => {
  it('reads TSV and TBX the same way', () => {
    const tsv = parseGlossary(TSV, 'g.tsv');
    const tbx = parseGlossary(TBX, 'g.tbx');
    expect(tsv.ok && tsv.value[1]).toEqual({ source: '慢行通道', target: 'walking and cycling route', forbidden: ['slow lane'] });
    expect(tbx.ok && tbx.value[0]).toEqual({ source: '慢行通道', target: 'walking and cycling route', forbidden: ['slow lane'] });
  });
  it('refuses a row without a translation, naming the line', () => {
    const r = parseGlossary('一带一路\n', 'g.tsv');
    expect(!r.ok && r.error.message).toContain('line 1');
  });
  it('finds forbidden variants and a missing required term', () => {
    const g = parseGlossary(TSV, 'g.tsv');
    if (!g.ok) throw new Error('glossary');
    const found = checkTerminology(
      { id: 'p1', source: '一带一路和慢行通道', text: 'The One Belt, One Road plan and the new bridge.' },
      g.value,
    );
    expect(found.map((f) => f.text)).toEqual(['One Belt, One Road', '']);
    expect(checkTerminology({ id: 'p1', source: '慢行通道', text: 'The walking and cycling route opens.' }, g.value)).toEqual([]);
  });
});
