package dev.studybot.port.out;

import dev.studybot.domain.BankReload;
import java.util.Optional;

/**
 * Reads the question files again, so that the bank, search and autocomplete serve what they hold
 * now. Ids never change meaning: a question whose id left the files stays reachable by id (for
 * posts and history that name it) until the next start, though it is no longer posted or found.
 */
public interface BankReloader {
    /** Empty when there is nothing to read again: the bank built into the jar. */
    Optional<BankReload> reload();

    /** The bank built into the jar, which never changes while the bot runs. */
    BankReloader NONE = Optional::empty;
}
