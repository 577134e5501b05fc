using System.Collections.Generic;
using System.Globalization;

namespace CustomerSuccess.Behaviors;

internal enum TokenKind
{
    End,
    Name,
    Literal,
    String,
    LeftParen,
    RightParen,
    Comma,
    Colon,
    Operator,
}

internal readonly record struct Token(TokenKind Kind, string Text, int Line, int Column);

/// <summary>Splits the text form into tokens, each with its line and column. One pass; comments start with '#'.</summary>
internal static class Lexer
{
    internal static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        int line = 1;
        int lineStart = 0;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            int column = i - lineStart + 1;
            if (c == '\n')
            {
                line++;
                lineStart = ++i;
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (c == '#')
            {
                while (i < text.Length && text[i] != '\n')
                {
                    i++;
                }

                continue;
            }

            int start = i;
            if (char.IsAsciiLetter(c))
            {
                while (i < text.Length && EventNames.IsNameChar(text[i]))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Name, text[start..i], line, column));
            }
            else if (char.IsAsciiDigit(c) || (c == '-' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                i++;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '-' or ':' or '.' or '+'))
                {
                    i++;
                }

                if (i < text.Length && text[i] == '%')
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Literal, text[start..i], line, column));
            }
            else if (c == '"')
            {
                tokens.Add(new Token(TokenKind.String, ReadString(text, ref i, line, column), line, column));
            }
            else
            {
                (TokenKind kind, int length) = c switch
                {
                    '(' => (TokenKind.LeftParen, 1),
                    ')' => (TokenKind.RightParen, 1),
                    ',' => (TokenKind.Comma, 1),
                    ':' => (TokenKind.Colon, 1),
                    '>' or '<' => (TokenKind.Operator, i + 1 < text.Length && text[i + 1] == '=' ? 2 : 1),
                    '=' when i + 1 < text.Length && text[i + 1] == '=' => (TokenKind.Operator, 2),
                    _ => throw new BehaviorSyntaxException(
                        c == '=' ? "'=' is not an operator; write '==' to compare for equality." : $"Unexpected character '{c}'.", line, column),
                };
                tokens.Add(new Token(kind, text.Substring(i, length), line, column));
                i += length;
            }
        }

        tokens.Add(new Token(TokenKind.End, string.Empty, line, text.Length - lineStart + 1));
        return tokens;
    }

    private static string ReadString(string text, ref int i, int line, int column)
    {
        var value = new System.Text.StringBuilder();
        i++;
        while (i < text.Length)
        {
            char c = text[i++];
            if (c == '"')
            {
                return value.ToString();
            }

            if (c == '\n')
            {
                break;
            }

            if (c == '\\' && i < text.Length)
            {
                char escaped = text[i++];
                value.Append(escaped switch
                {
                    'n' => '\n',
                    't' => '\t',
                    _ => escaped,
                });
                continue;
            }

            value.Append(c);
        }

        throw new BehaviorSyntaxException("A quoted text is not closed on its line.", line, column);
    }

    internal static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", System.StringComparison.Ordinal).Replace("\"", "\\\"", System.StringComparison.Ordinal)
            .Replace("\n", "\\n", System.StringComparison.Ordinal).Replace("\t", "\\t", System.StringComparison.Ordinal) + "\"";

    internal static string Describe(Token token) => token.Kind switch
    {
        TokenKind.End => "the end of the text",
        TokenKind.String => "a quoted text",
        _ => string.Create(CultureInfo.InvariantCulture, $"'{token.Text}'"),
    };
}
