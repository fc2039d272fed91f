package org.openmdms.web.reading;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.openmdms.reading.boundary.DeadLetter;
import org.openmdms.reading.boundary.DeadLetters;
import org.openmdms.web.Messages;

/**
 * admin/dead-letters.xhtml: head-end messages that could not be imported, with the reason; an
 * administrator sends one back to its queue once the cause is fixed, or discards it.
 */
@Named
@ViewScoped
public class DeadLetterPage implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int SHOWN = 500;

    @Inject
    transient DeadLetters deadLetters;

    private List<DeadLetter> letters;

    @PostConstruct
    void load() {
        letters = deadLetters.list(SHOWN);
    }

    public List<DeadLetter> getLetters() {
        return letters;
    }

    public int getShown() {
        return SHOWN;
    }

    public void retry(DeadLetter letter) {
        act(deadLetters.retry(letter.id()).isPresent(), "Message sent back to " + letter.queue());
    }

    public void discard(DeadLetter letter) {
        act(deadLetters.discard(letter.id()).isPresent(), "Message discarded");
    }

    public void refresh() {
        load();
    }

    private void act(boolean done, String message) {
        if (done) {
            Messages.info(message);
        } else {
            Messages.error("That message is no longer on the dead-letter queue");
        }
        load();
    }
}
