package org.opsconsole.console.ui;

import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.opsconsole.console.session.DataFolderLock;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Asked at start when another console already uses the data folder: open with another folder
 * (typed, or chosen with Browse…) or quit. Answers the folder, or nothing for Quit.
 */
final class FolderInUseDialog extends Dialog<Path> {

    private final TextField folder = new TextField();
    private final Label error = new Label();

    FolderInUseDialog(DataFolderLock.InUseException inUse) {
        setTitle("Ops Console");
        setHeaderText("This data folder is in use");
        Label message = new Label(inUse.getMessage() + " Two consoles on one folder would fight over its databases."
                + " Open with another folder, or quit and use the console that runs.");
        message.setId("folder-in-use-message");
        message.setWrapText(true);
        message.setMaxWidth(520);
        message.setMinHeight(Region.USE_PREF_SIZE);
        folder.setId("other-folder");
        folder.setText(suggestion(inUse.folder()).toString());
        HBox.setHgrow(folder, Priority.ALWAYS);
        Button browse = new Button("Browse…");
        browse.setOnAction(e -> browse());
        error.setId("other-folder-error");
        error.getStyleClass().add("failure-reason");
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        getDialogPane().setContent(new VBox(10, message, new Label("Another folder"), new HBox(6, folder, browse), error));

        ButtonType open = new ButtonType("Open with this folder", ButtonBar.ButtonData.OK_DONE);
        ButtonType quit = new ButtonType("Quit", ButtonBar.ButtonData.CANCEL_CLOSE);
        getDialogPane().getButtonTypes().addAll(open, quit);
        Button openButton = (Button) getDialogPane().lookupButton(open);
        openButton.setId("folder-in-use-open");
        getDialogPane().lookupButton(quit).setId("folder-in-use-quit");
        openButton.addEventFilter(ActionEvent.ACTION, e -> {
            Optional<String> problem = problem(inUse.folder());
            problem.ifPresent(text -> {
                error.setText(text);
                e.consume();
            });
        });
        setResultConverter(button -> button == open ? Path.of(folder.getText().strip()).toAbsolutePath().normalize() : null);
    }

    private Optional<String> problem(Path inUse) {
        try {
            Path chosen = Path.of(folder.getText().strip()).toAbsolutePath().normalize();
            if (folder.getText().isBlank()) {
                return Optional.of("Give a folder.");
            }
            if (chosen.equals(inUse)) {
                return Optional.of("That is the folder in use: choose another.");
            }
            if (Files.exists(chosen) && !Files.isDirectory(chosen)) {
                return Optional.of(chosen + " is a file, not a folder.");
            }
            return Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.of("'" + folder.getText() + "' is not a folder name.");
        }
    }

    private void browse() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Data folder");
        File start = Path.of(folder.getText().strip()).toAbsolutePath().getParent().toFile();
        if (start.isDirectory()) {
            chooser.setInitialDirectory(start);
        }
        File chosen = chooser.showDialog(getDialogPane().getScene().getWindow());
        if (chosen != null) {
            folder.setText(chosen.getAbsolutePath());
        }
    }

    /** "opsconsole-2" beside "opsconsole" (or -3, ...): a folder no other console has. */
    private static Path suggestion(Path inUse) {
        Path parent = inUse.toAbsolutePath().getParent();
        for (int n = 2; ; n++) {
            Path candidate = (parent == null ? Path.of("") : parent).resolve(inUse.getFileName() + "-" + n);
            if (!Files.exists(candidate.resolve("console.lock"))) {
                return candidate;
            }
        }
    }
}
