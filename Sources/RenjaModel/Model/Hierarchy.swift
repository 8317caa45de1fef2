/// The tables' rows form a forest: programs (or urusan) at the top, their children under them.
enum Hierarchy {
    /// Every node with its parent (nil for a top-level one), depth first: a node before its
    /// children, siblings in their order.
    static func withParents<Node>(_ roots: [Node], children: (Node) -> [Node]) -> [(Node, Node?)] {
        var out: [(Node, Node?)] = []
        func walk(_ node: Node, _ parent: Node?) {
            out.append((node, parent))
            children(node).forEach { walk($0, node) }
        }
        roots.forEach { walk($0, nil) }
        return out
    }
}
