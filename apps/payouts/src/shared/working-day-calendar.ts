import { indonesianWorkingDayCalendar, type WorkingDayCalendar } from '@santunan/rules';

/** The national holidays the rules library ships (2025–2027), as claims counts its SLA. */
export function workingDayCalendar(): WorkingDayCalendar {
  const calendar = indonesianWorkingDayCalendar();
  if (!calendar.ok)
    throw new Error(`the shipped holiday calendar is broken: ${calendar.error.message}`);
  return calendar.value;
}
