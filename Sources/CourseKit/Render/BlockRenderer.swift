/// Turns a directive's block into the HTML that stands where its fence was.
struct BlockRenderer: Sendable {
    /// The interface text of the questions' and scenarios' markup.
    let texts: TextCatalogue

    /// The block's HTML; an exam's questions are written without their answers.
    func html(_ block: Block, isExam: Bool) -> String {
        switch block {
        case .question(let question): QuestionRenderer(block: question, texts: texts, isExam: isExam).html()
        case .scenario(let scenario): ScenarioRenderer(block: scenario, texts: texts).html()
        }
    }
}
