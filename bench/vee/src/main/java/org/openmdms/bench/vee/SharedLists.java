package org.openmdms.bench.vee;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Uses the JDK's shared list wrappers and iterators with many list types, as an application server
 * does long before VEE runs, so that their type profiles are as polluted in the benchmark as there.
 */
final class SharedLists {

    private SharedLists() {
    }

    static void pollute() {
        List<List<Integer>> lists = List.of(new ArrayList<>(List.of(1, 2, 3, 4)), new LinkedList<>(List.of(1, 2, 3, 4)),
                new CopyOnWriteArrayList<>(List.of(1, 2, 3, 4)), Arrays.asList(1, 2, 3, 4), List.of(1, 2, 3, 4),
                new ArrayList<>(List.of(1, 2, 3, 4, 5)).subList(1, 4), Collections.nCopies(4, 1));
        long sum = 0;
        for (int round = 0; round < 200_000; round++) {
            for (List<Integer> list : lists) {
                List<Integer> wrapped = Collections.unmodifiableList(list);
                sum += wrapped.get(1) + wrapped.size();
                for (Iterator<Integer> it = wrapped.iterator(); it.hasNext(); ) {
                    sum += it.next();
                }
                sum += wrapped.subList(1, 3).get(0);
                sum += wrapped.stream().mapToInt(Integer::intValue).sum();
            }
        }
        if (sum == 42) {
            System.out.println(sum);
        }
    }
}
