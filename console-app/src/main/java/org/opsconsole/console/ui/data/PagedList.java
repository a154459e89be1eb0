package org.opsconsole.console.ui.data;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/** A table's view model that shows one server-side page at a time; the pager under the table drives it. */
interface PagedList {

    Calls calls();

    ReadOnlyIntegerProperty offsetProperty();

    ReadOnlyLongProperty totalProperty();

    /** "1–50 of 10,000". */
    ReadOnlyStringProperty pageTextProperty();

    boolean hasPrevious();

    boolean hasNext();

    void firstPage();

    void previousPage();

    void nextPage();

    void lastPage();
}
