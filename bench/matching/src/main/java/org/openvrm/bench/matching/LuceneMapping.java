package org.openvrm.bench.matching;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.openvrm.intent.internal.matching.Condition;
import org.openvrm.intent.internal.matching.Demand;
import org.openvrm.intent.internal.matching.Interest;
import org.openvrm.intent.internal.matching.Operator;

/**
 * The same subscriptions and intents for Lucene Monitor: a subscription becomes a query, an intent a
 * document. The intent's category and region branches are indexed as several terms of one field, so
 * "one of the subscription's categories is on the intent's branch" is a term-set clause; budgets and
 * dates are points, tested by range queries.
 */
final class LuceneMapping {

	static final String CATEGORY = "category";

	static final String REGION = "region";

	static final String CURRENCY = "currency";

	static final String BUDGET = "budget";

	static final String FROM = "from";

	static final String TO = "to";

	/** Marks an intent without a window, which meets every subscription's dates. */
	static final String WINDOW = "window";

	static final String NO_WINDOW = "none";

	private static final String ATTRIBUTE = "attribute.";

	static Query query(Interest interest) {
		BooleanQuery.Builder query = new BooleanQuery.Builder();
		query.add(anyOf(CATEGORY, interest.categories()), Occur.MUST);
		if (!interest.regions().isEmpty()) {
			query.add(anyOf(REGION, interest.regions()), Occur.MUST);
		}
		if (interest.minimumBudget() != null) {
			query.add(new TermQuery(new Term(CURRENCY, interest.currency())), Occur.MUST);
			query.add(LongPoint.newRangeQuery(BUDGET, units(interest.minimumBudget()), Long.MAX_VALUE), Occur.MUST);
		}
		if (interest.servesFrom() != null || interest.servesUntil() != null) {
			BooleanQuery.Builder within = new BooleanQuery.Builder();
			if (interest.servesFrom() != null) {
				within.add(IntPoint.newRangeQuery(FROM, day(interest.servesFrom()), Integer.MAX_VALUE), Occur.MUST);
			}
			if (interest.servesUntil() != null) {
				within.add(IntPoint.newRangeQuery(TO, Integer.MIN_VALUE, day(interest.servesUntil())), Occur.MUST);
			}
			query.add(new BooleanQuery.Builder()
				.add(new TermQuery(new Term(WINDOW, NO_WINDOW)), Occur.SHOULD)
				.add(within.build(), Occur.SHOULD)
				.build(), Occur.MUST);
		}
		for (Condition condition : interest.conditions()) {
			query.add(anyOf(ATTRIBUTE + condition.attribute(), condition.values()),
					condition.operator() == Operator.NOT_IN ? Occur.MUST_NOT : Occur.MUST);
		}
		return query.build();
	}

	static Document document(Demand demand) {
		Document document = new Document();
		for (String category : demand.categories()) {
			document.add(new StringField(CATEGORY, category, Field.Store.NO));
		}
		for (String region : demand.regions()) {
			document.add(new StringField(REGION, region, Field.Store.NO));
		}
		if (demand.budget() != null) {
			document.add(new StringField(CURRENCY, demand.currency(), Field.Store.NO));
			document.add(new LongPoint(BUDGET, units(demand.budget())));
		}
		if (demand.from() != null) {
			document.add(new IntPoint(FROM, day(demand.from())));
			document.add(new IntPoint(TO, day(demand.to())));
		}
		else {
			document.add(new StringField(WINDOW, NO_WINDOW, Field.Store.NO));
		}
		for (Map.Entry<String, String> attribute : demand.attributes().entrySet()) {
			document.add(new StringField(ATTRIBUTE + attribute.getKey(), attribute.getValue(), Field.Store.NO));
		}
		return document;
	}

	private static Query anyOf(String field, Collection<String> values) {
		if (values.size() == 1) {
			return new TermQuery(new Term(field, values.iterator().next()));
		}
		List<BytesRef> terms = values.stream().map(BytesRef::new).toList();
		return new TermInSetQuery(field, terms);
	}

	/** Cents: the workload's amounts are whole. */
	private static long units(BigDecimal amount) {
		return amount.movePointRight(2).longValueExact();
	}

	private static int day(LocalDate date) {
		return Math.toIntExact(date.toEpochDay());
	}
}
