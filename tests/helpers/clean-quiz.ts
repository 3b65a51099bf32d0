/**
 * A quiz that passes every item-writing rule (src/lib/content/item-lint.ts): eight questions of
 * five types, draw 4 of 8, balanced options, keys not the longest, explanations everywhere.
 * Tests break it one rule at a time.
 */
export const CLEAN_QUIZ_YAML = `title: Clean check
passMark: 70
draw: 4
reveal: feedback
questions:
  - id: pick-format
    type: single
    prompt: A client sends a list of orders with one city per block. What do you do first?
    options:
      - text: Put the city in its own column
        correct: true
      - text: Colour each block by its city name
        feedback: Colours cannot be filtered reliably by formulas.
      - text: Merge the city cells above blocks
        feedback: Merged cells break sorting and filtering.
    explanation: One record per row with the city in a column lets you sort, filter and total.
  - id: pick-share
    type: single
    prompt: Which link setting lets only the client's team open a shared folder?
    options:
      - text: People in the client's organisation
        feedback: Close, but anyone in the whole company could open it.
      - text: Specific people, by email
        correct: true
      - text: Anyone who has the link to it
        feedback: Anyone the link is forwarded to could open it.
    explanation: Naming the people is the only setting that keeps the folder to them.
  - id: pick-tools
    type: multiple
    prompt: Which of these keep a shared sheet tidy? Choose all that apply.
    options:
      - text: A drop-down list for status
        correct: true
      - text: Typing status words freely
        feedback: Free typing gives five spellings of one status.
      - text: Blank rows between groups
        feedback: Blank rows split the data for filters.
      - text: Subtotal rows in the list
        feedback: Subtotals get counted as records.
    explanation: Validation keeps entries consistent; the list itself should hold records only.
  - id: pick-safety
    type: multiple
    prompt: Which signs suggest a payment email is a scam? Choose all that apply.
    options:
      - text: A new bank account, urgently
        correct: true
      - text: A sender address off by a letter
        correct: true
      - text: The usual invoice number series
        feedback: A familiar series is not a warning sign by itself.
      - text: The client's normal signature
        feedback: Signatures are easy to copy, but they are not a sign.
    explanation: Changed bank details and look-alike addresses are the classic signs of invoice fraud.
  - id: tf-paste
    type: true-false
    prompt: A normal paste over a cell with a drop-down list keeps the list's rule.
    answer: false
    explanation: A normal paste replaces the rule as well as the value.
  - id: tf-reply
    type: true-false
    prompt: A reply-all sends your answer to everyone on the original message.
    answer: true
    explanation: Reply-all copies every recipient of the message you answer.
  - id: typed-shortcut
    type: short-text
    prompt: Which key do you hold with T to turn a range into a table?
    accept: [Ctrl, Control]
    explanation: The table shortcut pairs T with the key at the bottom-left corner of the keyboard.
  - id: steps-merge
    type: ordering
    prompt: Put the steps of a mail merge in order.
    items:
      - Choose the letter document
      - Connect the recipient list
      - Insert the merge fields
      - Preview and finish
    explanation: Document, list, fields, then preview before you finish.
`;
