/**
 * A `lang` for text whose language the article does not declare: Chinese where Han characters appear in its
 * first stretch, so the CJK fonts and line height apply. Looking at the first 200 characters keeps it cheap.
 */
const HAN = /[\u3400-\u9fff]/;

export function langOf(text: string | undefined): 'zh' | undefined {
  return text && HAN.test(text.slice(0, 200)) ? 'zh' : undefined;
}
