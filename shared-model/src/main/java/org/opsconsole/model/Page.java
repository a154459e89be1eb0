package org.opsconsole.model;

import java.util.List;

/** One page of a listing: the items, how many there are in all, and the window asked for. */
public record Page<T>(List<T> items, long total, int limit, int offset) {
}
