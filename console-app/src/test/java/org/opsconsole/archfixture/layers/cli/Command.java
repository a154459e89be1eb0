package org.opsconsole.archfixture.layers.cli;

/** A command, which a view must never reach. */
public class Command {
}
