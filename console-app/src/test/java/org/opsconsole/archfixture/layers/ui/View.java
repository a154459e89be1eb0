package org.opsconsole.archfixture.layers.ui;

import org.opsconsole.archfixture.layers.cli.Command;

/** A view that reaches up into the commands: the layer rule must catch it. */
public class View {
    Command command;
}
