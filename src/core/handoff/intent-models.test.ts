import { describe, expect, it } from 'vitest';
import { detectIntents, INTENT_MODELS } from './intent-models.ts';
import { humanRequestSignals } from './human-request.ts';

describe('trained handoff detectors', () => {
  it('ship small, with a threshold per intent', () => {
    for (const model of Object.values(INTENT_MODELS)) {
      expect(Object.keys(model.weights).length).toBeLessThanOrEqual(3000);
      expect(model.threshold).toBeGreaterThan(0);
    }
  });

  it('hear a request for a person phrased without the usual words, and misspelt', () => {
    for (const text of [
      'can someone ring me back today',
      'i need to get hold of an actual person',
      'соеденитe с опиратором',
      'эскалируйте мой вопрос старшему специалисту',
      'opperator plz',
    ]) {
      expect(detectIntents(text).intents.has('human_request'), text).toBe(true);
    }
  });

  it('do not take a mention of staff, a mobile operator or a plan switch for a request', () => {
    for (const text of [
      'your agent was rude yesterday, how do I change my plan?',
      'у меня МТС как оператор, смс не приходят',
      'Please switch me to the Optima plan from next month',
    ]) {
      expect(detectIntents(text).intents.has('human_request'), text).toBe(false);
    }
  });

  it('do not take «плачу» (I pay) for tears', () => {
    expect(
      detectIntents('плачу за 500 мбит а по вайфаю спидтест показывает 40 почему так').intents.has('emotion'),
    ).toBe(false);
  });

  it('give the rules’ findings to the model as features', () => {
    expect(humanRequestSignals('your agent said he would call')).toEqual(
      expect.arrayContaining(['human:person-word', 'human:staff-mention']),
    );
  });
});
