extension InsightRoles {
  /// Known names of each single-column role, normalised (lower case, runs of other characters as `_`), most specific first.
  static let knownNames: [String: [String]] = [
    "monetary": [
      "monetary", "monetary_total", "monetary_value", "total_spend", "spend", "total_spent", "spent", "revenue", "total_revenue",
      "sales", "total_sales", "amount_spent", "total_amount", "clv_historic",
    ],
    "recency": ["recency_days", "recency", "days_since_last_purchase", "days_since_last_order", "last_purchase_days"],
    "frequency": [
      "frequency", "purchase_frequency", "purchases", "total_purchases", "num_purchases", "n_purchases", "purchase_count", "orders",
      "order_count", "num_orders", "n_orders", "transactions", "num_transactions",
    ],
    "discount": ["discount_share", "discount_rate", "discount_ratio", "share_discounted", "discounted_share", "discount"],
    "tenure": [
      "tenure_days", "tenure", "tenure_months", "customer_tenure", "days_since_first_purchase", "days_as_customer",
      "customer_since_days", "account_age_days",
    ],
  ]
  /// A word that, contained in a numeric column's name, recognises the single role (after the exact names fail).
  static let roleWords: [String: [String]] = [
    "monetary": ["monetary", "spend", "revenue"], "recency": ["recency"], "frequency": ["frequency"], "discount": ["discount", "deal"],
    "tenure": ["tenure"],
  ]
  /// Words naming a sales channel in a column name (`web_purchases`, `NumStorePurchases`).
  static let channelWords = ["web", "online", "store", "shop", "catalog", "catalogue", "app", "mobile", "email", "phone", "social", "marketplace"]

  /// These roles matched to the columns of `table`: declared ones checked, unset ones recognised by name.
  ///
  /// Recognition, for a role not declared (names compared in lower case with
  /// runs of other characters as `_`, so `NumWebPurchases` reads `numwebpurchases`):
  /// - single roles: the first of ``knownNames`` present as a numeric column,
  ///   else the first numeric column (in table order) whose name contains one
  ///   of ``roleWords`` and not `mean`/`avg`/`average`; a column plays one single role at most;
  /// - `campaign`: numeric or yes/no columns containing `campaign`, or starting `accepted_cmp`/`acceptedcmp`, or named `response`;
  /// - `channels`: numeric `channel=…` columns (transaction aggregates), else
  ///   numeric columns whose name holds a ``channelWords`` word and `purchase` or `order`,
  ///   else one categorical column named `channel`, `preferred_channel`, `main_channel` or `sales_channel`;
  /// - `categories`: numeric `category=…` columns, else numeric columns starting `mnt` (amount per product line);
  /// - `identifiers` (always added to the declared ones): `id`, names ending `_id`, or `ID`/`Id` after a lower-case letter.
  ///
  /// Errors: a declared column the table lacks, or of the wrong kind (a
  /// single role, `categories` or several `channels` need numbers; a
  /// categorical `campaign` column must hold yes/no values), all reported at once,
  /// located at `rolesPath.<role>`.
  /// - Complexity: O(columns · known names), plus one pass over a categorical campaign column.
  public func resolved(for table: DataTable, rolesPath: String = "insight.roles") throws(SpecError) -> ResolvedRoles {
    var problems: [Problem] = []
    func column(_ name: String, _ key: String) -> Column? {
      guard let column = table.column(named: name) else {
        let near = NameSuggestions.nearest(to: name, in: table.columnNames)
        problems.append(
          Problem(Location(jsonPath: "\(rolesPath).\(key)"), "names column '\(name)', which the data does not have",
            fix: near.isEmpty ? "use a column of the data file" : "did you mean \(near.joined(separator: ", "))?"))
        return nil
      }
      return column
    }
    func wrongKind(_ name: String, _ key: String, _ need: String) {
      problems.append(Problem(Location(jsonPath: "\(rolesPath).\(key)"), "column '\(name)' \(need)", fix: "name a numeric column"))
    }
    var resolved = self
    var recognised: [String] = []
    var taken = Set<String>()
    for key in Self.singleRoleKeys {
      if let name = self[single: key] {
        if let c = column(name, key), !c.isNumeric { wrongKind(name, key, "is categorical; the \(key) role needs numbers") }
        taken.insert(name)
      }
    }
    for key in Self.singleRoleKeys where self[single: key] == nil {
      if let name = Self.recognise(key, in: table, excluding: taken) {
        resolved[single: key] = name
        recognised.append(key)
        taken.insert(name)
      }
    }
    for name in campaign {
      if let c = column(name, "campaign"), let labels = c.labels, CampaignResponse.flags(labels) == nil {
        wrongKind(name, "campaign", "is categorical with values other than yes/no, true/false or 1/0")
      }
    }
    for name in categories {
      if let c = column(name, "categories"), !c.isNumeric { wrongKind(name, "categories", "is categorical; category columns need numbers") }
    }
    for name in channels {
      if let c = column(name, "channels"), !c.isNumeric, channels.count > 1 {
        wrongKind(name, "channels", "is categorical; several channel columns need numbers (or name one categorical channel column)")
      }
    }
    for name in identifiers { _ = column(name, "identifiers") }
    if !problems.isEmpty { throw SpecError(problems) }
    for (key, found) in [
      ("campaign", Self.recogniseCampaigns(in: table)), ("channels", Self.recogniseChannels(in: table, excluding: taken)),
      ("categories", Self.recogniseCategories(in: table)),
    ] where self[list: key].isEmpty && !found.isEmpty {
      resolved[list: key] = found
      recognised.append(key)
    }
    let idLike = table.columnNames.filter { Self.looksLikeIdentifier($0) && !identifiers.contains($0) }
    if !idLike.isEmpty {
      resolved.identifiers += idLike
      recognised.append("identifiers")
    }
    return ResolvedRoles(roles: resolved, recognised: recognised.sorted())
  }

  /// `name` in lower case with every run of characters other than letters and digits as one `_`, trimmed.
  static func normalised(_ name: String) -> String {
    var out = ""
    for ch in name.lowercased() {
      if ch.isLetter || ch.isNumber { out.append(ch) } else if !out.isEmpty && out.last != "_" { out.append("_") }
    }
    while out.last == "_" { out.removeLast() }
    return out
  }

  private static func numericNames(_ table: DataTable) -> [String] { table.columns.filter(\.isNumeric).map(\.name) }

  private static func recognise(_ key: String, in table: DataTable, excluding taken: Set<String>) -> String? {
    let candidates = numericNames(table).filter { !taken.contains($0) && !looksLikeIdentifier($0) }
    let normal = candidates.map(normalised)
    for known in knownNames[key] ?? [] { if let i = normal.firstIndex(of: known) { return candidates[i] } }
    let words = roleWords[key] ?? []
    return candidates.indices.first { i in
      words.contains { normal[i].contains($0) } && !["mean", "avg", "average"].contains { normal[i].contains($0) }
    }.map { candidates[$0] }
  }

  private static func recogniseCampaigns(in table: DataTable) -> [String] {
    table.columns.filter { column in
      let n = normalised(column.name)
      let named = n.contains("campaign") || n.hasPrefix("accepted_cmp") || n.hasPrefix("acceptedcmp") || n == "response"
      return named && (column.isNumeric || column.labels.flatMap(CampaignResponse.flags) != nil)
    }.map(\.name)
  }

  private static func recogniseChannels(in table: DataTable, excluding taken: Set<String>) -> [String] {
    let numeric = numericNames(table).filter { !taken.contains($0) }
    let aggregated = numeric.filter { $0.hasPrefix("channel=") }
    if !aggregated.isEmpty { return aggregated }
    let counted = numeric.filter { name in
      let n = normalised(name).filter { $0 != "_" }
      return channelWords.contains { n.contains($0) } && (n.contains("purchase") || n.contains("order"))
    }
    if !counted.isEmpty { return counted }
    let named = ["channel", "preferred_channel", "main_channel", "sales_channel"]
    return table.columns.first { !$0.isNumeric && named.contains(normalised($0.name)) }.map { [$0.name] } ?? []
  }

  private static func recogniseCategories(in table: DataTable) -> [String] {
    let numeric = numericNames(table)
    let aggregated = numeric.filter { $0.hasPrefix("category=") }
    return aggregated.isEmpty ? numeric.filter { normalised($0).hasPrefix("mnt") } : aggregated
  }

  /// Whether `name` reads as an identifier: `id`, `…_id`, or `ID`/`Id` right after a lower-case letter (`CustomerID`).
  static func looksLikeIdentifier(_ name: String) -> Bool {
    let n = normalised(name)
    if n == "id" || n.hasSuffix("_id") { return true }
    let characters = Array(name)
    guard characters.count > 2 else { return false }
    let tail = String(characters.suffix(2)), before = characters[characters.count - 3]
    return (tail == "ID" || tail == "Id") && before.isLowercase
  }
}
