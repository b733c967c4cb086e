package dev.studybot.port.in;

/** What the scheduler drives for reviews: the daily reminders whose time has come. */
public interface ReviewReminderUseCase {

    /**
     * Sends each member whose reminder time has passed today (in their zone), outside quiet
     * hours, with reviews due and no reminder yet today, a direct message with the number due.
     * Returns how many were sent.
     */
    int remindDue();
}
