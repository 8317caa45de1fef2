import RenjaKit
import Foundation
let site = try SiteLoader.load(content: URL(fileURLWithPath: "Content"), displayPath: "Content")
print(site.documents.count)
print(Markdown.render("# Hai\n\n<script>alert(1)</script>\n\n| a | b |\n|---|---|\n| 1 | 2 |\n").html)
