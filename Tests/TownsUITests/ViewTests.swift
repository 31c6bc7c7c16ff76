import TownsCore
import TownsUI
import XCTest

/// Views rendered into an in-memory grid and read back as lines of text.
final class ViewTests: XCTestCase {
    let towns = ["海宁皮革时尚小镇", "桐乡毛衫时尚小镇", "嘉善巧克力甜蜜小镇", "南湖基金小镇", "海盐核电小镇"]
    let counties = ["海宁市", "桐乡市", "嘉善县", "南湖区", "海盐县"]

    func testHomeScreenJanSep() throws {
        let lines = screen(try bundledState(period: "2015-09"))
        XCTAssertEqual(lines.count, 30)
        XCTAssertTrue(lines[0].contains("嘉兴市首批省级特色小镇（2015）"))
        XCTAssertTrue(lines[0].contains("2015年1-9月"), "the period shown is visible: \(lines[0])")
        XCTAssertTrue(lines[1].contains("1 小镇") && lines[1].contains("2 类型") && lines[1].contains("3 运营主体") && lines[1].contains("6 参考"))
        XCTAssertTrue(lines[2].hasPrefix(" 小镇 "), lines[2])
        XCTAssertTrue(lines[2].hasSuffix("未显示列: 类型 名次"), "the columns left out are named: \(lines[2])")
        let header = lines[3]
        // (The type, of lowest priority, gives way to the Δ columns at 100 columns.)
        for title in ["小镇", "县市区", "年计划", "完成", "完成率", "进度", "进度差", "项目", "开工率", "Δ完成", "Δ完成率"] {
            XCTAssertTrue(header.contains(title), "header lacks \(title): \(header)")
        }
        let rows = lines.filter { l in towns.contains { l.contains($0) } }
        XCTAssertEqual(rows.count, 5)
        let haining = try XCTUnwrap(rows.first { $0.contains("海宁皮革") })
        XCTAssertTrue(haining.contains("≈18.6 ") && haining.contains("13.56") && haining.contains("72.9%"), haining)
        let jiashan = try XCTUnwrap(rows.first { $0.contains("嘉善") })
        XCTAssertFalse(jiashan.contains(" 0 ") || jiashan.contains("0.0"), "unknown is never 0: \(jiashan)")
        XCTAssertTrue(jiashan.contains("—"))
        let city = try XCTUnwrap(lines.first { $0.contains("全市报告") })
        XCTAssertTrue(city.contains("106.8") && city.contains("45.06") && city.contains("42.5%!"), city)
        let known = try XCTUnwrap(lines.first { $0.contains("已知小镇合计") })
        XCTAssertTrue(known.contains("≈33.6 ") && known.contains("17.08"), known)
        let legend = lines[28].replacingOccurrences(of: " ", with: "")
        XCTAssertTrue(legend.contains("≈推算") && legend.contains("—未知") && legend.contains("▼落后"), "legend: \(legend)")
        let wide = screen(try bundledState(width: 240, height: 30))
        // Spaced when wide, in Chinese only (the help gives both languages).
        XCTAssertTrue(wide[28].contains("≈ 推算  ") && wide[28].contains("▼ 落后  ") && !wide[28].contains("derived"),
                      "legend when wide: \(wide[28])")
        XCTAssertTrue(lines[29].contains("Enter") && lines[29].contains("? 帮助") && lines[29].contains("q 退出"), "key hints: \(lines[29])")
    }

    func testScheduleVarianceAndBehindMarker() throws {
        let lines = screen(try bundledState(period: "2015-09"))
        func row(_ name: String) -> String { lines.first { $0.contains(name) }! }
        XCTAssertTrue(row("海宁皮革").contains("-2.1▼"), "72.9% − 75% = −2.1 pp, behind: \(row("海宁皮革"))")
        XCTAssertTrue(row("桐乡毛衫").contains("+17.7"), row("桐乡毛衫"))
        XCTAssertFalse(row("桐乡毛衫").contains("▼"))
        XCTAssertTrue(row("南湖基金").contains("-51.5▼"))
        XCTAssertTrue(row("海盐核电").contains("-54.3▼"))
        XCTAssertTrue(row("全市报告").contains("-32.5▼"))
        // The expected-by-now mark sits at 75% of the bar in every row with a bar.
        let marks = ["海宁皮革", "桐乡毛衫", "南湖基金", "海盐核电", "全市报告"].map { column(of: "│", in: row($0)) }
        XCTAssertNotNil(marks[0])
        XCTAssertEqual(Set(marks).count, 1, "marks at one column: \(marks)")
        let aug = screen(try bundledState(period: "2015-08"))
        XCTAssertTrue(aug.first { $0.contains("海宁皮革") }!.contains("-16.7▼"), "50% − 66.7% in Jan-Aug")
    }

    func testColumnsAlignByDisplayWidth() throws {
        for (w, h) in [(80, 24), (100, 30), (160, 40)] {
            let lines = screen(try bundledState(width: w, height: h, period: "2015-09"))
            let rows = towns.map { t in lines.first { $0.contains(t) }! }
            let countyColumns = zip(rows, counties).map { column(of: $1, in: $0) }
            XCTAssertEqual(Set(countyColumns).count, 1, "county column at \(w)x\(h): \(countyColumns)")
            // At 80 columns the county gives way to the bar's 15 cells (issue 15).
            if w > 80 { XCTAssertNotNil(countyColumns[0], "county shown at \(w)x\(h)") }
            // Right edges of the rate column line up too: the rates' "%", and where a town has no
            // rate (嘉善), its "—" ends at the same column.
            let rateEnds = rows.map { row -> Int? in
                row.range(of: "%").map { DisplayWidth.of(String(row[..<$0.upperBound])) }
            }
            let known = rateEnds.compactMap { $0 }
            XCTAssertEqual(known.count, 4, "four towns have a rate: \(rateEnds)")
            XCTAssertEqual(Set(known).count, 1, "rate column's right edges at \(w)x\(h): \(rateEnds)")
            let unknownRow = rows[2]
            var cells = 0
            let upToEdge = String(unknownRow.prefix { c in cells += DisplayWidth.of(String(c)); return cells <= known[0] })
            XCTAssertEqual(upToEdge.last, "—", "嘉善's unknown rate ends at the rate column's edge: \(unknownRow)")
            for line in lines { XCTAssertLessThanOrEqual(DisplayWidth.of(line), w) }
        }
    }

    func testEightyByTwentyFourShowsEveryColumnButCountyAndType() throws {
        // County (40), type (30), the place (35), the start rate (50) and Δ rate (52) give way so the bar
        // keeps 15 cells (issue 15) beside Δ completed (55, issue 14); at 100, the county is back.
        let lines = screen(try bundledState(width: 80, height: 24, period: "2015-09"))
        XCTAssertFalse(lines[3].contains("县市区") || lines[3].contains("类型"), lines[3])
        XCTAssertTrue(screen(try bundledState(width: 100, height: 30, period: "2015-09"))[3].contains("县市区"))
        for title in ["年计划", "完成率", "进度", "进度差", "项目", "Δ完成"] {
            XCTAssertTrue(lines[3].contains(title), "80x24 header lacks \(title): \(lines[3])")
        }
        XCTAssertTrue(lines.contains { $0.contains("全市报告") })
    }

    func testTooSmall() throws {
        let lines = screen(try bundledState(width: 40, height: 12))
        XCTAssertTrue(lines.contains { $0.contains("终端太小") })
        XCTAssertTrue(lines.contains { $0.contains("40x12") })
        XCTAssertEqual(screen(try bundledState(width: 1, height: 1)).count, 1)
        XCTAssertEqual(screen(try bundledState(width: 0, height: 0)).count, 0)
        let (_, effects) = step(try bundledState(width: 40, height: 12), route(.char("q"), in: try bundledState(width: 40, height: 12)))
        XCTAssertEqual(effects, [.quit], "q still quits below the minimum size")
    }

    func testPeriodSwitch() throws {
        var s = try bundledState(period: "2015-09")
        s = update(s, .previousPeriod)
        XCTAssertEqual(s.period?.id, "2015-08")
        let lines = screen(s)
        XCTAssertTrue(lines[0].contains("2015年1-8月"))
        XCTAssertTrue(lines.first { $0.contains("全市报告") }!.contains("39/89"))
        XCTAssertTrue(lines.first { $0.contains("嘉善") }!.contains("90%"))
        s = apply(s, .previousPeriod)
        XCTAssertEqual(s.period?.id, "2015-12", "wraps around")
    }

    func testDrillIntoATypeAndBack() throws {
        var s = try bundledState()
        s = apply(s, .nextView)
        XCTAssertEqual(s.screen.kind, .typeList)
        var lines = screen(s)
        XCTAssertTrue(lines[2].contains("类型"))
        // The type's row: its two towns, one of them (Haining) with both plan and completed.
        XCTAssertTrue(lines.contains { $0.contains("创意设计—商务休闲—时尚游娱") && $0.contains(" 2 ") && $0.contains("1/2") })
        s = apply(s, .open)
        XCTAssertEqual(s.screen.kind, .townsOfType(1))
        lines = screen(s)
        XCTAssertTrue(lines[2].contains("类型 › 1 创意设计—商务休闲—时尚游娱"), lines[2])
        XCTAssertEqual(lines.filter { l in towns.contains { l.contains($0) } }.count, 2)
        XCTAssertTrue(lines.contains { $0.contains("小计（已知）") })
        s = apply(s, .moveDown, .open)
        XCTAssertEqual(s.screen.kind, .townPage("tongxiang"))
        XCTAssertTrue(screen(s)[2].contains("› 桐乡毛衫时尚小镇"))
        s = apply(s, .back, .back)
        XCTAssertEqual(s.screen.kind, .typeList)
        XCTAssertEqual(s.stack.count, 1)
        s = apply(s, .back)
        XCTAssertEqual(s.message, "已在顶层 — q 退出")
    }

    func testEntitiesViewListsATownUnderEachEntity() throws {
        var s = apply(try bundledState(), .showView(.entityList))
        let lines = screen(s)
        let tongxiangRows = lines.filter { $0.contains("桐乡毛衫时尚小镇") }
        XCTAssertEqual(tongxiangRows.count, 4, "Tongxiang has four operating entities")
        XCTAssertTrue(lines.contains { $0.contains("中国核建集团") && $0.contains("央企") && $0.contains("集团引领") })
        XCTAssertTrue(lines.contains { $0.contains("来源未载明运营主体") && $0.contains("南湖基金小镇") })
        s = apply(s, .last, .open)
        XCTAssertEqual(s.screen.kind, .townsOfEntity(nil))
        XCTAssertTrue(screen(s).contains { $0.contains("南湖基金小镇") })
    }

    func testTownDetailShowsEveryFieldWithItsSource() throws {
        var s = try bundledState(width: 120, height: 60)
        s = apply(s, .open)
        XCTAssertEqual(s.screen.kind, .townPage("haining"))
        let text = screen(s).joined(separator: "\n")
        XCTAssertTrue(text.contains("海宁皮革时尚小镇  Haining Leather Fashion Town"))
        XCTAssertTrue(text.contains("由小镇名称读出（来源未印县一栏）"))
        XCTAssertTrue(text.contains("海宁中国皮革城股份有限公司") && text.contains("浙江钱塘江投资开发有限公司"))
        XCTAssertTrue(text.contains(">50") && text.contains("均高于50亿元"))
        XCTAssertTrue(text.contains("≈18.6 ") && text.contains("推算：2015年1-8月完成 9.3 ÷ 完成率 50% = 18.60"), text)
        XCTAssertTrue(text.contains("13.56") && text.contains("报告：paper 三(五)"))
        // The file and line on a line of their own, under the note (issue 14 point 7).
        XCTAssertTrue(screen(s).contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix("数据出处 figures.toml:") },
                      "a reported figure names its file and line")
        XCTAssertFalse(text.contains("[figures.toml:"), "never mid-sentence")
        XCTAssertTrue(text.contains("未知："))
        let nanhu = screen(apply(try bundledState(width: 120, height: 60), .moveDown, .moveDown, .moveDown, .open)).joined(separator: "\n")
        XCTAssertTrue(nanhu.contains("未知：来源未指明运营主体"), nanhu)
        XCTAssertTrue(nanhu.contains("†30") && nanhu.contains("解读："), "an interpretation, said so: \(nanhu)")
    }

    func testTownHistoryAcrossPeriods() throws {
        let s = apply(try bundledState(width: 120, height: 80), .open)
        let lines = screen(s)
        let header = try XCTUnwrap(lines.firstIndex { $0.hasPrefix(" 进度历史") })
        XCTAssertTrue(lines[header + 1].contains("2015年1-8月") && lines[header + 1].contains("9.3") && lines[header + 1].contains("50%")
                      && lines[header + 1].contains("66.7%") && lines[header + 1].contains("-16.7▼"), lines[header + 1])
        XCTAssertTrue(lines[header + 2].contains("13.56") && lines[header + 2].contains("-2.1▼") && lines[header + 2].contains("│"), lines[header + 2])
        XCTAssertTrue(lines[header + 3].contains("2015年全年") && lines[header + 3].contains(">14"), lines[header + 3])
    }

    func testAssessmentView() throws {
        var s = apply(try bundledState(width: 100, height: 30), .showView(.assessment))
        let lines = screen(s)
        XCTAssertTrue(lines[2].contains("考核"))
        for title in ["首年", "三年", "期限", "特色", "规划", "建成", "景区", "游客", "用地奖", "倒扣"] {
            XCTAssertTrue(lines[3].contains(title), "assessment header lacks \(title): \(lines[3])")
        }
        let haining = lines.first { $0.contains("海宁皮革时尚小镇") }!
        // 3.5 km² against "about 3 km²" with no tolerance in the source is `?`, not `✗` (issue 12).
        // w23-fid: its first year (13.56 ≥ 10 on the paper's amount, basis not stated) is `?` at Jan-Sep.
        XCTAssertTrue(!haining.contains("✓") && !haining.contains("✗"), haining)
        XCTAssertTrue(haining.contains("?") && haining.contains("3年"), haining)
        let text = lines.joined(separator: "\n")
        // Jan-Sep: the year's completed figure is not known yet, nor the margin over 42 (wave 5).
        XCTAssertTrue(text.contains("3 x 10 + 2 x 6 = 42") && text.contains("尚不可知"), text)
        XCTAssertFalse(text.contains("63.06") || text.contains("21.06"), text)
        s = apply(s, .open)
        XCTAssertEqual(s.screen.kind, .townPage("haining"))
        let detail = screen(apply(s, .resize(width: 120, height: 120))).joined(separator: "\n")
        XCTAssertTrue(detail.contains("省级规则考核"))
        XCTAssertTrue(detail.contains("1 平方公里左右；缺：建成面积"), "the rule's words in Chinese: \(detail)")
    }

    func testProvinceViewByCity() throws {
        var s = apply(try bundledState(width: 80, height: 24), .showView(.province))
        let lines = screen(s)
        XCTAssertTrue(lines[1].contains("5 全省"), "every tab fits at 80 columns: \(lines[1])")
        func row(_ city: String) -> String { lines.first { $0.contains(city) }! }
        XCTAssertTrue(row("杭州 Hangzhou").contains("9    9"), row("杭州 Hangzhou"))
        XCTAssertTrue(row("嘉兴 Jiaxing").hasSuffix("5"))
        XCTAssertTrue(row("丽水 Lishui").contains("4    4"))
        XCTAssertTrue(row("舟山 Zhoushan").contains("0    0"))
        XCTAssertTrue(row("宁波 Ningbo").hasSuffix(" 无"), "towns without figures say so")
        let total = lines.last { $0.contains("全省") }!
        XCTAssertTrue(total.contains("37   37"), total)
        // The bar per city is proportional: Hangzhou's (9) is the longest.
        XCTAssertGreaterThan(row("杭州").filter { $0 == "█" }.count, row("嘉兴").filter { $0 == "█" }.count)
        // Enter Jiaxing, then a town with figures opens its page; one without says so.
        s = apply(s, .moveDown, .moveDown, .moveDown, .moveDown, .open)
        XCTAssertEqual(s.screen.kind, .city("嘉兴"))
        XCTAssertTrue(screen(s)[2].contains("全省 › 嘉兴"))
        s = apply(s, .open)
        XCTAssertEqual(s.screen.kind, .townPage("nanhu"))
        s = apply(s, .back, .back, .first, .open)
        XCTAssertEqual(s.screen.kind, .city("杭州"))
        XCTAssertTrue(screen(s).contains { $0.contains("西湖云栖") && $0.contains("无数据：本数据集没有其数字") })
        s = apply(s, .open)
        XCTAssertEqual(s.screen.kind, .city("杭州"), "nothing to open")
        XCTAssertEqual(s.message, "本数据集没有该小镇的数字")
    }

    func testProblemsAndChecklistAreUnknownPerTown() throws {
        let s = apply(try bundledState(width: 120, height: 200), .open)
        let text = screen(s).joined(separator: "\n")
        XCTAssertTrue(text.contains("问题（论文 三）"))
        XCTAssertTrue(text.contains("没有来源把其中任何问题归于本小镇"))
        for name in ["特色元素不突出", "功能叠加不足", "运营主体错位", "产业层次不高", "创建进度差异较大"] {
            XCTAssertTrue(text.contains(name), name)
        }
        XCTAssertTrue(text.contains("三大关系") && text.contains("四个生态系统") && text.contains("五项重点工作"))
        XCTAssertTrue(screen(s).contains { $0.contains("[?]") && $0.contains("特色小镇与创新驱动发展的关系") },
                      "unknown progress shown as [?] on the item's line")
        XCTAssertFalse(text.contains("[x]"), "nothing is marked done without a source")
    }

    func testDetailPageScrolls() throws {
        var s = apply(try bundledState(width: 80, height: 24), .open)
        let first = screen(s)[3]
        s = apply(s, .pageDown)
        XCTAssertGreaterThan(s.screen.scroll, 0)
        XCTAssertNotEqual(screen(s)[3], first)
        s = apply(s, .last)
        let end = s.screen.scroll
        s = apply(s, .moveDown)
        XCTAssertEqual(s.screen.scroll, end, "cannot scroll past the end")
        s = apply(s, .first)
        XCTAssertEqual(s.screen.scroll, 0)
    }

    func testSelectionStaysInRangeAndVisible() throws {
        var s = try bundledState(width: 80, height: 14)
        s = apply(s, .last)
        XCTAssertEqual(s.selection, 5, "End reaches the city's totals row, as ↓ does (issue 15)")
        s = apply(s, .moveUp)
        XCTAssertEqual(s.selection, 4)
        let visible = Renderer.visibleRows(s)
        XCTAssertTrue(s.screen.scroll <= 4 && 4 < s.screen.scroll + visible)
        XCTAssertTrue(screen(s).contains { $0.contains("海盐核电小镇") })
        s = apply(s, .moveDown, .moveDown)
        XCTAssertEqual(s.selection, 5, "one past the last town: the city's totals row")
        s = apply(s, .first, .moveUp)
        XCTAssertEqual(s.selection, 0)
        s = apply(s, .resize(width: 100, height: 30))
        XCTAssertEqual(s.screen.scroll, 0)
    }

    func testHelpListsEveryBinding() throws {
        let s = apply(try bundledState(width: 100, height: 40), .toggleHelp)
        let text = wholeHelp(s).joined(separator: "\n")
        for b in KeyMap.standard.bindings {
            XCTAssertTrue(text.contains(b.label.zh), "help lacks \(b.label.zh)")
        }
        XCTAssertTrue(text.contains("Esc") && text.contains("Tab") && text.contains("PgUp"))
        XCTAssertFalse(apply(s, .back).showHelp, "Esc closes help")
    }

    func testThemeCycles() throws {
        var s = try bundledState()
        s.themeNames = ["default", "high-contrast", "light", "monochrome"]
        s = apply(s, .cycleTheme)
        XCTAssertEqual(s.themeIndex, 1)
        XCTAssertEqual(s.message, "主题：high-contrast (2/4)")
        s = apply(s, .cycleTheme, .cycleTheme, .cycleTheme)
        XCTAssertEqual(s.themeIndex, 0, "wraps around")
        let themes = [Theme.monochrome, Theme(name: "x", styles: [.title: Style(foreground: .ansi(1))])]
        s.themeIndex = 1
        XCTAssertEqual(Renderer(themes: themes).render(s)[1, 0].style.foreground, .ansi(1), "the state's theme is drawn")
    }

    func testCityTotalsRowOpensItsSources() throws {
        var s = try bundledState(width: 120, height: 80, period: "2015-09")
        s = apply(s, .last, .moveDown)
        XCTAssertEqual(s.selection, 5)
        let grid = plainRenderer.render(s)
        let y = (0..<grid.height).first { grid.line($0).contains("全市报告") }!
        XCTAssertEqual(grid[2, y].style, Theme.monochrome.style(.selection), "the city row is highlighted")
        s = apply(s, .open)
        XCTAssertEqual(s.screen.kind, .cityTotals)
        let text = screen(s).joined(separator: "\n")
        XCTAssertTrue(s.stack.count == 2 && screen(s)[2].contains("小镇 › 全市报告 嘉兴市"), screen(s)[2])
        XCTAssertTrue(text.contains("45.06") && text.contains("三(五)") && text.contains("2015年1-9月共完成投资额45.06亿元"), text)
        XCTAssertTrue(text.contains("42.5%!") && text.contains("45.06 ÷ 106.8 = 42.19%"), "the flag is explained on the page")
        XCTAssertTrue(text.contains("63.06") && text.contains("ndrc-2016"))
        XCTAssertTrue(apply(s, .back).screen.kind == .townList)
        // With a filter there is no city row to select.
        var f = apply(try bundledState(period: "2015-09"), .toggleBehindFilter, .last, .moveDown, .moveDown)
        XCTAssertEqual(f.selection, 2)
        f = apply(f, .open)
        XCTAssertEqual(f.screen.kind, .townPage("haiyan"))
    }

    func testHelpScrollsWhenTheScreenIsShort() throws {
        var s = apply(try bundledState(width: 100, height: 30), .toggleHelp)
        var text = screen(s).joined(separator: "\n")
        XCTAssertFalse(text.contains("退出（也可 Ctrl-C）"), "the last bindings are below the fold at 30 rows")
        XCTAssertTrue(text.contains("/\(Renderer.helpLineCount(s)) ↑↓"), "the box says there is more")
        s = apply(s, .last)
        text = screen(s).joined(separator: "\n")
        let lastLine = Renderer.helpLines(s, glyphs: .unicode).last!.1
        XCTAssertTrue(text.contains(lastLine), "the last line in view at the end: \(lastLine)\n\(text)")
        XCTAssertTrue(wholeHelp(s).joined(separator: "\n").contains("退出（也可 Ctrl-C）"))
        s = apply(s, .first)
        XCTAssertEqual(s.helpScroll, 0)
        XCTAssertTrue(apply(s, .toggleHelp, .toggleHelp).helpScroll == 0)
    }

    func testHelpBoxNeverLeavesHalfAWideCharacter() throws {
        for view in [Screen.Kind.townList, .typeList] {
            let grid = plainRenderer.render(apply(try bundledState(width: 100, height: 30), .showView(view), .toggleHelp))
            for y in 0..<grid.height {
                for x in 0..<grid.width where grid[x, y].isContinuation {
                    XCTAssertEqual(DisplayWidth.of(grid[x - 1, y].text), 2, "orphan continuation at \(x),\(y)")
                }
            }
        }
    }

    func testKeyHintsKeepHelpAndQuitWhenNarrow() throws {
        for w in [60, 70, 80] {
            let last = screen(try bundledState(width: w, height: 24)).last!
            XCTAssertTrue(last.contains("? 帮助") && last.contains("q 退出"), "\(w): \(last)")
        }
    }

    func testKeyMap() {
        let map = KeyMap.standard
        XCTAssertEqual(map.action(for: .char("j")), .moveDown)
        XCTAssertEqual(map.action(for: .down), .moveDown)
        XCTAssertEqual(map.action(for: .char("G")), .last)
        XCTAssertEqual(map.action(for: .escape), .back)
        XCTAssertEqual(map.action(for: .backspace), .back)
        XCTAssertEqual(map.action(for: .tab), .nextView)
        XCTAssertEqual(map.action(for: .char("q")), .quit)
        XCTAssertEqual(map.action(for: .char("?")), .toggleHelp)
        XCTAssertNil(map.action(for: .char("z")))
        var seen: [Key: Action] = [:]
        for b in map.bindings { for k in b.keys { XCTAssertNil(seen[k], "\(k) bound twice"); seen[k] = b.action } }
    }
}

/// Screens of every size, down to nothing and up to a wall display: every view, a town's page,
/// help, search and the command line render without a crash, fill the grid exactly, and never
/// write past its edges.
final class ExtremeSizeTests: XCTestCase {
    /// States worth drawing: each top view, a list opened, a town's page scrolled, help, a
    /// search and the command line open.
    func states(width: Int, height: Int) throws -> [(String, AppState)] {
        let base = try bundledState(width: width, height: height)
        var out: [(String, AppState)] = []
        for (name, kind) in [("towns", Screen.Kind.townList), ("types", .typeList), ("entities", .entityList),
                             ("assessment", .assessment), ("province", .province)] {
            let s = apply(base, .showView(kind))
            out.append((name, s))
            out.append((name + " opened", apply(s, .moveDown, .open)))
        }
        out.append(("town page", apply(base, .open, .pageDown, .pageDown, .last)))
        out.append(("help", apply(base, .toggleHelp, .pageDown)))
        out.append(("search", apply(base, .startSearch, .searchKey(.char("h")), .searchKey(.char("a")))))
        out.append(("command line", apply(base, .startCommand, .commandKey(.char("t")), .commandKey(.tab))))
        out.append(("english", apply(base, .toggleLanguage, .cycleTheme)))
        return out
    }

    func testEveryScreenAtEverySize() throws {
        let sizes = [(0, 0), (1, 1), (0, 30), (100, 0), (1, 200), (200, 1), (2, 2), (59, 13), (59, 14), (60, 13), (60, 14),
                     (61, 15), (80, 24), (2000, 500)]
        for (width, height) in sizes {
            for (name, state) in try states(width: width, height: height) {
                for renderer in [plainRenderer, Renderer(theme: .monochrome, glyphs: .ascii)] {
                    let grid = renderer.render(state)
                    XCTAssertEqual(grid.width, width, "\(name) at \(width)x\(height)")
                    XCTAssertEqual(grid.height, height, "\(name) at \(width)x\(height)")
                    XCTAssertEqual(grid.cells.count, width * height)
                    for (y, line) in grid.lines().enumerated() {
                        XCTAssertLessThanOrEqual(DisplayWidth.of(line), width, "\(name) at \(width)x\(height), row \(y)")
                    }
                }
            }
        }
    }

    /// Resizing through extreme sizes and back keeps the state usable and ends in the same
    /// frame as a fresh state at the final size.
    func testResizeThroughExtremesEndsInTheFreshLayout() throws {
        var state = try bundledState()
        state = apply(state, .moveDown, .moveDown)
        for (w, h) in [(1, 1), (0, 0), (2000, 500), (59, 13), (7, 300), (100, 30)] {
            state = update(state, .resize(width: w, height: h))
            _ = plainRenderer.render(state)
        }
        var fresh = try bundledState()
        fresh = apply(fresh, .moveDown, .moveDown)
        XCTAssertEqual(plainRenderer.render(state).lines(), plainRenderer.render(fresh).lines())
    }
}
