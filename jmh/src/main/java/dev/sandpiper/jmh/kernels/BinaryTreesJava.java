package dev.sandpiper.jmh.kernels;

/**
 * Plain-Java twin of the {@code binary_trees} kernel ({@code jmh/kernels/binary_trees.wat}, export
 * {@code run(depth, iterations) -> i32}): builds {@code iterations} complete binary trees of
 * {@code depth}, counts each one's nodes and returns the sum.
 */
public final class BinaryTreesJava {
    private BinaryTreesJava() {}

    /** A node: both children null for a leaf, as the kernel's struct. */
    private static final class Node {
        final Node left;
        final Node right;

        Node(Node left, Node right) {
            this.left = left;
            this.right = right;
        }
    }

    private static Node make(int depth) {
        return depth == 0 ? new Node(null, null) : new Node(make(depth - 1), make(depth - 1));
    }

    private static int check(Node n) {
        return n.left == null ? 1 : 1 + check(n.left) + check(n.right);
    }

    /** The sum of the node counts of {@code iterations} trees of {@code depth}. */
    public static int run(int depth, int iterations) {
        int sum = 0;
        for (int i = 0; i < iterations; i++) {
            sum += check(make(depth));
        }
        return sum;
    }
}
