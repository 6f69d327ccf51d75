package care.enclave.diagnostics.control;

/**
 * The few morphological operations postprocessing needs, on square row-major boolean masks. Foreground is
 * 8-connected and background 4-connected, the usual complementary pair, so an outline never leaks through
 * a diagonal gap.
 */
final class BinaryMasks {

    private static final int[][] EIGHT = {{-1, -1}, {0, -1}, {1, -1}, {-1, 0}, {1, 0}, {-1, 1}, {0, 1}, {1, 1}};
    private static final int[][] FOUR = {{0, -1}, {-1, 0}, {1, 0}, {0, 1}};

    private BinaryMasks() {
    }

    static int count(boolean[] mask) {
        int count = 0;
        for (boolean set : mask) {
            count += set ? 1 : 0;
        }
        return count;
    }

    /** Mask pixels with at least one 8-neighbour outside the mask; the image edge counts as outside. */
    static boolean[] outline(boolean[] mask, int side) {
        boolean[] outline = new boolean[mask.length];
        for (int i = 0; i < mask.length; i++) {
            if (mask[i]) {
                for (int[] d : EIGHT) {
                    int x = i % side + d[0];
                    int y = i / side + d[1];
                    if (x < 0 || y < 0 || x >= side || y >= side || !mask[y * side + x]) {
                        outline[i] = true;
                        break;
                    }
                }
            }
        }
        return outline;
    }

    /** Labels of the 8-connected components (0 = background, 1..n); the count is in {@link Labels#count()}. */
    static Labels components(boolean[] mask, int side) {
        int[] labels = new int[mask.length];
        int[] queue = new int[mask.length];
        int count = 0;
        for (int seed = 0; seed < mask.length; seed++) {
            if (mask[seed] && labels[seed] == 0) {
                flood(mask, side, seed, ++count, labels, queue, EIGHT);
            }
        }
        return new Labels(labels, count);
    }

    static boolean[] largestComponent(boolean[] mask, int side) {
        Labels labels = components(mask, side);
        int[] sizes = new int[labels.count() + 1];
        for (int label : labels.labels()) {
            sizes[label]++;
        }
        int largest = 0;
        for (int label = 1; label < sizes.length; label++) {
            if (largest == 0 || sizes[label] > sizes[largest]) {
                largest = label;
            }
        }
        boolean[] kept = new boolean[mask.length];
        for (int i = 0; i < mask.length; i++) {
            kept[i] = largest != 0 && labels.labels()[i] == largest;
        }
        return kept;
    }

    /** Background not 4-connected to the image edge is enclosed by the mask and becomes part of it. */
    static boolean[] fillHoles(boolean[] mask, int side) {
        boolean[] background = new boolean[mask.length];
        for (int i = 0; i < mask.length; i++) {
            background[i] = !mask[i];
        }
        int[] outside = new int[mask.length];
        int[] queue = new int[mask.length];
        for (int i = 0; i < mask.length; i++) {
            boolean edge = i % side == 0 || i % side == side - 1 || i / side == 0 || i / side == side - 1;
            if (edge && background[i] && outside[i] == 0) {
                flood(background, side, i, 1, outside, queue, FOUR);
            }
        }
        boolean[] filled = new boolean[mask.length];
        for (int i = 0; i < mask.length; i++) {
            filled[i] = outside[i] == 0;
        }
        return filled;
    }

    private static void flood(boolean[] mask, int side, int seed, int label, int[] labels, int[] queue,
                              int[][] neighbours) {
        int head = 0;
        int tail = 0;
        labels[seed] = label;
        queue[tail++] = seed;
        while (head < tail) {
            int at = queue[head++];
            for (int[] d : neighbours) {
                int x = at % side + d[0];
                int y = at / side + d[1];
                int next = y * side + x;
                if (x >= 0 && y >= 0 && x < side && y < side && mask[next] && labels[next] == 0) {
                    labels[next] = label;
                    queue[tail++] = next;
                }
            }
        }
    }

    record Labels(int[] labels, int count) {
    }
}
