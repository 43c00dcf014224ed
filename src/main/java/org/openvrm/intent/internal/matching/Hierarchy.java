package org.openvrm.intent.internal.matching;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The two trees a subscription can name, each read from the ids alone so that matching
 * needs no taxonomy: a node covers itself and its whole sub-tree.
 */
public enum Hierarchy {

	/**
	 * Category ids are dot paths: {@code travel.accommodation} covers
	 * {@code travel.accommodation.holiday-rental}.
	 */
	CATEGORY {
		@Override
		public boolean covers(String node, String other) {
			return other.equals(node) || other.startsWith(node + ".");
		}

		@Override
		List<String> lineage(String node) {
			List<String> lineage = new ArrayList<>();
			for (int dot = node.indexOf('.'); dot >= 0; dot = node.indexOf('.', dot + 1)) {
				lineage.add(node.substring(0, dot));
			}
			lineage.add(node);
			return lineage;
		}
	},

	/**
	 * Region codes are ISO 3166: a country ({@code FR}) covers its subdivisions
	 * ({@code FR-OCC}), a subdivision only itself.
	 */
	REGION {
		@Override
		public boolean covers(String node, String other) {
			return other.equals(node) || (node.indexOf('-') < 0 && other.startsWith(node + "-"));
		}

		@Override
		List<String> lineage(String node) {
			int dash = node.indexOf('-');
			return dash < 0 ? List.of(node) : List.of(node.substring(0, dash), node);
		}
	};

	public abstract boolean covers(String node, String other);

	/** Every node that covers this one, the root first and the node itself last. */
	abstract List<String> lineage(String node);

	/**
	 * The nodes without those another of them covers: a subscription naming both
	 * {@code travel} and {@code travel.accommodation} means {@code travel}. The index
	 * relies on this (see {@link MatchingIndex}).
	 */
	Set<String> antichain(Collection<String> nodes) {
		Set<String> all = Set.copyOf(nodes);
		return all.stream()
			.filter(node -> all.stream().noneMatch(other -> !other.equals(node) && covers(other, node)))
			.collect(Collectors.toUnmodifiableSet());
	}

	/**
	 * The nodes completed with their ancestors, root first; they must lie on one branch
	 * (an intent has one category and one place), or an intent could satisfy one
	 * predicate twice.
	 * @throws IllegalArgumentException when two nodes are on different branches
	 */
	List<String> chain(Collection<String> nodes) {
		String deepest = null;
		int depth = 0;
		for (String node : nodes) {
			int nodeDepth = lineage(node).size();
			if (nodeDepth > depth) {
				deepest = node;
				depth = nodeDepth;
			}
		}
		if (deepest == null) {
			return List.of();
		}
		List<String> lineage = lineage(deepest);
		for (String node : nodes) {
			if (!lineage.contains(node)) {
				throw new IllegalArgumentException(node + " and " + deepest + " are not on one branch of the " + this);
			}
		}
		return List.copyOf(lineage);
	}

}
