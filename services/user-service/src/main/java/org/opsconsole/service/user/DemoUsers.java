package org.opsconsole.service.user;

import org.opsconsole.model.UserDraft;

import java.util.Locale;

/**
 * A small, repeatable demo data set for a new data folder: 40 users with ids 1 to 40, which the
 * order service's demo orders refer to.
 */
final class DemoUsers {

    static final int COUNT = 40;

    static final String[] FIRST = {"Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Margaret", "Ken",
        "Dennis", "Radia", "Linus", "Frances", "John", "Leslie", "Tim", "Hedy", "Niklaus", "Adele", "Bjarne", "Guido"};
    static final String[] LAST = {"Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Hamilton",
        "Thompson", "Ritchie", "Perlman", "Torvalds", "Allen", "McCarthy", "Lamport", "Berners-Lee", "Lamarr",
        "Wirth", "Goldberg", "Stroustrup", "van Rossum"};

    private DemoUsers() {
    }

    static int seed(UserRepository users) {
        for (int i = 0; i < COUNT; i++) {
            String first = FIRST[i % FIRST.length];
            String last = LAST[(i * 7 + i / FIRST.length) % LAST.length];
            String email = (first + "." + last).toLowerCase(Locale.ROOT).replace(" ", "") + "@example.com";
            users.create(new UserDraft(first + " " + last, email));
        }
        return COUNT;
    }
}
