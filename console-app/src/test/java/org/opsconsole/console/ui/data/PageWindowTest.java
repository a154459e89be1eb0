package org.opsconsole.console.ui.data;

import org.junit.jupiter.api.Test;
import org.opsconsole.model.Page;

import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PageWindowTest {

    @Test
    void anEstimatedTotalIsSaidAsOneAndAnExactOneInFull() {
        PageWindow window = new PageWindow(50);
        List<Integer> fifty = Collections.nCopies(50, 1);

        window.show(new Page<>(fifty, 10_000, false, 50, 50, null));
        assertThat(window.textProperty().get()).isEqualTo("51–100 of 10,000");

        window.show(new Page<>(fifty, 1_234_567, true, 50, 0, "/users?after=x"));
        assertThat(window.textProperty().get()).isEqualTo("1–50 of about 1.2 M");

        window.show(new Page<>(fifty, 12_345, true, 50, 0, null));
        assertThat(window.textProperty().get()).isEqualTo("1–50 of about 12 K");
        assertThat(PageWindow.rounded(3_000_000)).isEqualTo("3 M");
    }
}
