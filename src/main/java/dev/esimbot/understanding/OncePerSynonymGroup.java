package dev.esimbot.understanding;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;

/**
 * A synonym group counts once: a document matching two of its paths ("自动续费" and "自动扣款") scores as the better
 * one, not as their sum, so an entry does not win by using many words of one group.
 */
final class OncePerSynonymGroup extends QueryBuilder {

    OncePerSynonymGroup(Analyzer analyzer) {
        super(analyzer);
    }

    @Override
    protected Query newGraphSynonymQuery(Iterator<Query> queries) {
        List<Query> paths = new ArrayList<>();
        queries.forEachRemaining(paths::add);
        return paths.size() == 1 ? paths.get(0) : new DisjunctionMaxQuery(paths, 0f);
    }
}
