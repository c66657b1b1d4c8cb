extension Scenario {
    /// The steps' indices in the order the page shows them: the start first, then the others
    /// as written.
    var shownOrder: [Int] {
        steps.indices.filter { steps[$0].name == start.value } + steps.indices.filter { steps[$0].name != start.value }
    }
}
