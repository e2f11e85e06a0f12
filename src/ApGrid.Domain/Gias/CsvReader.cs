using System.Text;

namespace ApGrid.Domain.Gias;

/// <summary>
/// RFC 4180 records from text: fields separated by commas, records by CRLF or LF, a field in double
/// quotes may hold commas, line breaks and doubled quotes. Anything else (a quote inside an unquoted
/// field, text after a closing quote, a file ending inside quotes) is refused where it occurs.
/// </summary>
/// <remarks>Hand-written rather than a library so every refusal names the physical line and column.</remarks>
public static class CsvReader
{
    public static IEnumerable<CsvRecord> Read(TextReader text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ReadIterator(text);
    }

    private static IEnumerable<CsvRecord> ReadIterator(TextReader text)
    {
        var line = 1;
        var column = 0;
        var fields = new List<string>();
        var starts = new List<(int, int)>();
        var field = new StringBuilder();
        var recordLine = 1;
        var inQuotes = false;
        var afterQuote = false;
        var fieldStart = (1, 1);
        var atFieldStart = true;

        while (true)
        {
            var read = text.Read();
            if (read < 0) break;
            var c = (char)read;
            column++;

            if (atFieldStart)
            {
                fieldStart = (line, column);
                atFieldStart = false;
                if (c == '"')
                {
                    inQuotes = true;
                    continue;
                }
            }

            if (inQuotes)
            {
                if (c == '"')
                {
                    if (text.Peek() == '"')
                    {
                        text.Read();
                        column++;
                        field.Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                        afterQuote = true;
                    }
                }
                else
                {
                    field.Append(c);
                    if (c == '\n')
                    {
                        line++;
                        column = 0;
                    }
                }

                continue;
            }

            switch (c)
            {
                case ',':
                    fields.Add(field.ToString());
                    starts.Add(fieldStart);
                    field.Clear();
                    afterQuote = false;
                    atFieldStart = true;
                    break;
                case '\r' when text.Peek() == '\n':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    starts.Add(fieldStart);
                    yield return new CsvRecord(recordLine, fields.ToArray(), starts.ToArray());
                    fields.Clear();
                    starts.Clear();
                    field.Clear();
                    afterQuote = false;
                    atFieldStart = true;
                    line++;
                    column = 0;
                    recordLine = line;
                    break;
                case '"':
                    throw new GiasFileException(line, column, "a quote may only begin a field; a field holding quotes must be quoted and the quotes doubled.");
                default:
                    if (afterQuote)
                    {
                        throw new GiasFileException(line, column, "after a closing quote only a comma or the end of the line may follow.");
                    }

                    if (c == '\r')
                    {
                        throw new GiasFileException(line, column, "a carriage return outside quotes must be followed by a line feed.");
                    }

                    field.Append(c);
                    break;
            }
        }

        if (inQuotes)
        {
            throw new GiasFileException(fieldStart.Item1, fieldStart.Item2, "the file ends inside this quoted field: its closing quote is missing.");
        }

        // A last line without a line break still counts; an empty last line does not.
        if (!atFieldStart || fields.Count > 0)
        {
            fields.Add(field.ToString());
            starts.Add(fieldStart);
            yield return new CsvRecord(recordLine, fields.ToArray(), starts.ToArray());
        }
    }
}
