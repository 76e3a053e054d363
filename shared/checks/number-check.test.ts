import { describe, expect, it } from 'vitest';
import { checkNumbers } from './number-check';

const check = (source: string, text: string) => checkNumbers({ id: 'p1', source, text }).map((f) => [f.text, f.category]);

describe('number check', () => {
  it('accepts correct conversions of Chinese units, numerals and dates', () => {
    expect(check('总投资3.4亿元，约有1.5万人次', 'a total of 340 million yuan, about 15,000 people')).toEqual([]);
    expect(check('92万人，12亿元', '920,000 people and 1.2 billion yuan')).toEqual([]);
    expect(check('92万人', '92 ten-thousands of people')).toEqual([]);
    expect(check('2025年2月10日，百分之六十', 'on February 10, 2025, 60 percent')).toEqual([]);
    expect(check('近三年，两跨，约四成', 'nearly three years, two spans, about 40%')).toEqual([]);
    expect(check('１２盏路灯，６：００开放', '12 street lamps, open from 6:00')).toEqual([]);
    expect(check('周二，一场台风，统一规划', 'on Tuesday a typhoon struck, under a unified plan')).toEqual([]);
  });
  it('finds a changed number on the translation', () => {
    expect(check('总投资3.4亿元', 'a total of 34 million yuan')).toEqual([['34 million', 'Accuracy/Mistranslation']]);
    expect(check('全长1.2公里', 'a 12-kilometre route')).toEqual([['12', 'Accuracy/Mistranslation']]);
  });
  it('finds a missing number as a point at the end of the paragraph', () => {
    const found = checkNumbers({ id: 'p1', source: '其中市级财政承担60%', text: 'the city paid part' });
    expect(found.map((f) => [f.start, f.end, f.category])).toEqual([[18, 18, 'Accuracy/Omission']]);
    expect(found[0]!.message).toContain('60%');
  });
  it('finds a number the translation adds in digits, but not number words', () => {
    expect(check('大桥重新开放', 'The bridge reopened after 5 years')).toEqual([['5', 'Accuracy/Addition']]);
    expect(check('大桥重新开放', 'One of the bridges reopened')).toEqual([]);
  });
  it('reads afternoon hours either way', () => {
    expect(check('下午3时举行', 'held at 3 p.m.')).toEqual([]);
    expect(check('15时举行', 'held at 3 p.m.')).toEqual([]);
  });
  it('reads full-width digits, commas and decimal points in the source as their ASCII forms', () => {
    expect(check('共１，２００人，增长３．５万', '1,200 people, up 35,000')).toEqual([]);
    expect(checkNumbers({ id: 'p1', source: '１，２００人', text: '1,300 people' }).map((f) => f.message)).toEqual([
      'The source says １，２００ (1,200); the translation has 1,300.',
    ]);
    expect(check('下午３时', 'at 3 P.M.')).toEqual([]);
  });
  it('reads "a" as one only before a number word, and long numbers whole', () => {
    expect(check('一百人', 'a hundred people')).toEqual([]);
    expect(check('三百人', 'a hundred people, a statement')).toEqual([['', 'Accuracy/Omission']]);
    expect(check('共有12345678901234567890人', 'some 12,345,678,901,234,567,890 people')).toEqual([]);
    expect(checkNumbers({ id: 'p1', source: '总投资3.4亿元', text: 'a total of 34 million yuan' })[0]!.message).toBe(
      'The source says 3.4亿 (340,000,000); the translation has 34 million.',
    );
  });
  it('reports nothing without a source', () => {
    expect(checkNumbers({ id: 'p1', text: 'It cost 34 million yuan.' })).toEqual([]);
  });
});
