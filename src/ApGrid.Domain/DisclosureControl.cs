namespace ApGrid.Domain;

/// <summary>
/// Statistical disclosure control for counts of children shown outside the LA, after the practice of
/// UK official statistics (DfE, Ofqual, the GSS): primary suppression of small counts, secondary
/// suppression so that no suppressed count can be worked back from the totals it adds up to, and
/// rounding of what is shown to the nearest <see cref="RoundingBase"/>. Zero is withheld with the
/// small counts: shown, a zero that turns into "withheld" says one child arrived (the differencing
/// attack of issue 29). Per-setting figures are shown as bands instead (<see cref="Band"/>).
/// </summary>
public static class DisclosureControl
{
    /// <summary>Counts under this, zero included, are withheld.</summary>
    public const int SmallestShownCount = 5;

    public const int RoundingBase = 5;

    /// <summary>To the nearest multiple of <see cref="RoundingBase"/> (conventional rounding: 1–2 down, 3–4 up).</summary>
    public static int Round(int count) => (int)(Math.Round(count / (double)RoundingBase, MidpointRounding.AwayFromZero) * RoundingBase);

    /// <summary>A count withheld for its own sake: too few children to show.</summary>
    public static bool IsPrimary(int count) => count < SmallestShownCount;

    /// <summary>
    /// Which cells to withhold: the small ones, then, until no withheld cell can be worked out from
    /// the published sums, the smallest other cell of a sum that would give one away. Hidden cells
    /// count as withheld; they need protecting only when small themselves.
    /// </summary>
    public static IReadOnlySet<int> Suppress(CountTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var withheld = new HashSet<int>(table.Hidden);
        for (var i = 0; i < table.Counts.Count; i++)
            if (IsPrimary(table.Counts[i])) withheld.Add(i);

        while (true)
        {
            // A sum with exactly one withheld cell gives it away: withhold a second, the smallest
            // (the least information lost), parts before totals.
            var changed = true;
            while (changed)
            {
                changed = false;
                foreach (var line in table.Lines)
                {
                    if (line.Cells.Count(withheld.Contains) != 1) continue;
                    if (Smallest(table, line.Cells, withheld) is { } complement)
                    {
                        withheld.Add(complement);
                        changed = true;
                    }
                }
            }

            // One per line is not enough when sums chain (a cell between two others' complements):
            // solve the published sums as an attacker would and withhold more where a cell falls out.
            var recovered = Recoverable(table, withheld).FirstOrDefault(-1);
            if (recovered < 0) return withheld;
            var around = table.Lines.Where(l => l.Cells.Contains(recovered)).SelectMany(l => l.Cells);
            var next = Smallest(table, around, withheld)
                ?? Smallest(table, table.Lines.Where(l => l.Cells.Any(withheld.Contains)).SelectMany(l => l.Cells), withheld);
            if (next is not { } cell) return withheld;
            withheld.Add(cell);
        }
    }

    private static int? Smallest(CountTable table, IEnumerable<int> cells, HashSet<int> withheld)
    {
        var totals = table.Lines.Select(l => l.Total).ToHashSet();
        var candidates = cells.Where(c => !withheld.Contains(c)).Distinct()
            .OrderBy(c => table.Counts[c]).ThenBy(totals.Contains).ThenBy(c => c).ToList();
        return candidates.Count > 0 ? candidates[0] : null;
    }

    /// <summary>
    /// Withheld cells whose value follows from the published cells and the table's sums, taking the
    /// published values as exact (rounding only widens what an attacker knows). A cell is determined
    /// when its unit vector lies in the row space of the sums over the withheld cells: in reduced row
    /// echelon form, its column is a pivot whose row has nothing in any free column. Hidden cells
    /// that are not small may be determined: they were never secret, only unprinted.
    /// </summary>
    public static IReadOnlyList<int> Recoverable(CountTable table, IReadOnlySet<int> withheld)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(withheld);
        var unknowns = withheld.Order().ToList();
        var column = unknowns.Select((cell, i) => (cell, i)).ToDictionary(x => x.cell, x => x.i);
        var rows = table.Lines
            .Select(l =>
            {
                var row = new double[unknowns.Count];
                foreach (var p in l.Parts) if (column.TryGetValue(p, out var j)) row[j] += 1;
                if (column.TryGetValue(l.Total, out var t)) row[t] -= 1;
                return row;
            })
            .ToList();

        const double Epsilon = 1e-9;
        var pivotRowOf = new Dictionary<int, int>();
        var r = 0;
        for (var c = 0; c < unknowns.Count && r < rows.Count; c++)
        {
            var pivot = Enumerable.Range(r, rows.Count - r).FirstOrDefault(i => Math.Abs(rows[i][c]) > Epsilon, -1);
            if (pivot < 0) continue;
            (rows[r], rows[pivot]) = (rows[pivot], rows[r]);
            var scale = rows[r][c];
            for (var k = 0; k < unknowns.Count; k++) rows[r][k] /= scale;
            for (var i = 0; i < rows.Count; i++)
            {
                if (i == r || Math.Abs(rows[i][c]) <= Epsilon) continue;
                var factor = rows[i][c];
                for (var k = 0; k < unknowns.Count; k++) rows[i][k] -= factor * rows[r][k];
            }

            pivotRowOf[c] = r++;
        }

        var free = Enumerable.Range(0, unknowns.Count).Where(c => !pivotRowOf.ContainsKey(c)).ToList();
        return [.. pivotRowOf
            .Where(p => free.All(f => Math.Abs(rows[p.Value][f]) <= Epsilon))
            .Select(p => unknowns[p.Key])
            .Where(cell => !table.Hidden.Contains(cell) || IsPrimary(table.Counts[cell]))
            .Order()];
    }

    /// <summary>The table as shown outside the LA: withheld cells null, the rest rounded. Hidden cells are null.</summary>
    public static IReadOnlyList<int?> Publish(CountTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var withheld = Suppress(table);
        return [.. table.Counts.Select((count, i) => withheld.Contains(i) ? (int?)null : Round(count))];
    }

    /// <summary>A percentage of two shown figures, so that it moves only when they do; null when either is withheld or the whole is zero.</summary>
    public static double? Percent(int? part, int? whole) =>
        part is { } p && whole is { } w && w > 0 ? Math.Round(100.0 * p / w, 1) : null;

    /// <summary>A statistic of a group of children (a median wait), withheld when the group is small.</summary>
    public static int? Statistic(int? value, int groupSize) => IsPrimary(groupSize) ? null : value;

    /// <summary>
    /// The start of the publication period holding <paramref name="now"/>: periods of
    /// <paramref name="every"/> counted from midnight UTC on 1 January 1970, so daily periods start at midnight UTC.
    /// </summary>
    public static DateTimeOffset PublicationPeriodStart(DateTimeOffset now, TimeSpan every)
    {
        if (every <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(every), every, "A publication period must be positive.");
        var since = now.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        return DateTimeOffset.UnixEpoch.AddTicks(since - (((since % every.Ticks) + every.Ticks) % every.Ticks));
    }

    public static CountBand Band(int count) => count switch
    {
        < 5 => CountBand.FewerThanFive,
        < 10 => CountBand.FiveToNine,
        < 20 => CountBand.TenToNineteen,
        _ => CountBand.TwentyOrMore,
    };

    /// <summary>
    /// Free places at one setting as shown outside the LA: 0 when full (finding a place needs that),
    /// 1 for one to four, else rounded down to a multiple of <see cref="RoundingBase"/>, so that one
    /// start or end there moves the figure only across those steps: "at least this many free".
    /// </summary>
    public static int FreePlacesShown(int free) => free switch
    {
        <= 0 => 0,
        < RoundingBase => 1,
        _ => free / RoundingBase * RoundingBase,
    };

    /// <summary>Hours of outreach free at one setting as shown outside the LA: rounded down to a multiple of <see cref="RoundingBase"/>.</summary>
    public static double HoursShown(double hours) => hours <= 0 ? 0 : Math.Floor(hours / RoundingBase) * RoundingBase;
}
