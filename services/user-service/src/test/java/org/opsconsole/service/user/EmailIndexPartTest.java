package org.opsconsole.service.user;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What part of a search text the email's trigram index is asked for (the whole text is checked on what it finds). */
class EmailIndexPartTest {

    @Test
    void aTextWithoutAnAddressIsAskedForWhole() {
        assertThat(UserRepository.emailIndexPart("grace.torvalds.1")).isEqualTo("grace.torvalds.1");
        assertThat(UserRepository.emailIndexPart("ab@example.com")).isEqualTo("ab@example.com");
    }

    @Test
    void anAddressIsAskedForUpToItsAt() {
        assertThat(UserRepository.emailIndexPart("ada.lovelace@example.com")).isEqualTo("ada.lovelace@");
        assertThat(UserRepository.emailIndexPart("ada.lovelace.42@example.com")).isEqualTo("ada.lovelace.42@");
    }

    @Test
    void aWordWithADigitBeforeTheAtIsAskedForAloneWithTheCharactersAroundIt() {
        assertThat(UserRepository.emailIndexPart("alan.goldberg.4242@example.com")).isEqualTo(".4242@");
        assertThat(UserRepository.emailIndexPart("smith84@example.com")).isEqualTo("smith84@");
        assertThat(UserRepository.emailIndexPart("ab12.smith@example.com")).isEqualTo("ab12.");
        assertThat(UserRepository.emailIndexPart("x.y7z.w@example.com")).isEqualTo(".y7z.");
    }
}
