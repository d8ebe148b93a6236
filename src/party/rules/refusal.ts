/** A rule's refusal: the stable code names the rule, the messages quote it (the service turns it into a 409/422). */
export interface Refusal {
  rule: string;
  status: 409 | 422;
  en: string;
  zh: string;
}

export const refuse = (rule: string, en: string, zh: string, status: 409 | 422 = 409): Refusal => ({ rule, status, en, zh });
