/// Which lead values become regression features, and how (issue 3: "one-hot categories with a
/// missing level, scaled numbers", never post-contact columns).
public struct FeatureOptions: Hashable, Sendable {
    /// The subjects to use; `nil` means every attribute found on the training leads (minus
    /// `excludedAttributes`) plus the lead fields `source`, `country`, `city`, `title`,
    /// `emailDomain`, `doNotEmail`, `doNotCall`; a date attribute enters as its month
    /// (`first_contact_date.month`, text `YYYY-MM`). Subjects that are constant in training are
    /// dropped either way. Post-contact attributes are never read.
    public var subjects: [RuleSubject]?
    /// Attributes never used when subjects are discovered (ids such as `lead_number`).
    public var excludedAttributes: Set<String>
    /// A category level seen fewer times than this in training is pooled into "other".
    public var minimumLevelCount: Int
    /// Numbers are clipped to the `1 − q` and `q` training quantiles (0.99: the 1st and 99th
    /// percentiles), taming outliers such as 251 visits.
    public var clipQuantile: Double
    /// How many ranges (at most) the points model splits each number into, by training quantiles.
    public var numericBins: Int

    /// Options; the defaults suit Leads.csv and Olist.
    public init(
        subjects: [RuleSubject]? = nil, excludedAttributes: Set<String> = [], minimumLevelCount: Int = 5,
        clipQuantile: Double = 0.99, numericBins: Int = 10
    ) {
        self.subjects = subjects
        self.excludedAttributes = excludedAttributes
        self.minimumLevelCount = minimumLevelCount
        self.clipQuantile = clipQuantile
        self.numericBins = numericBins
    }

    /// The lead fields considered when subjects are discovered.
    public static let discoverableFields: [LeadField] = [
        .source, .country, .city, .title, .emailDomain, .doNotEmail, .doNotCall,
    ]
}
