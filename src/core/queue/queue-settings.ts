// How the queue treats new tickets: SLA per priority, working hours, the default group, and the
// minutes one ticket takes on average (for the customer's expected wait). Runtime: any.
import type { SlaMinutes } from './priority.ts';
import { DEFAULT_SLA_MINUTES } from './priority.ts';
import type { WorkingHours } from './working-hours.ts';

export interface QueueSettings {
  readonly sla: SlaMinutes;
  /** Undefined: specialists work around the clock. */
  readonly hours?: WorkingHours | undefined;
  readonly defaultGroup: string;
  readonly minutesPerTicket: number;
  /**
   * Tickets one source (client address or customer) may open per hour before its next ones are grouped at the
   * back of the queue as a flood (core/queue/flood.ts). Undefined: no limit.
   */
  readonly handoffsPerSourcePerHour?: number | undefined;
}

export const DEFAULT_QUEUE_SETTINGS: QueueSettings = {
  sla: DEFAULT_SLA_MINUTES,
  defaultGroup: 'first-line',
  minutesPerTicket: 5,
  handoffsPerSourcePerHour: 5,
};
