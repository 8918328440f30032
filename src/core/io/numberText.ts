// The one form a number takes in text a user or a link supplies: plain decimal or scientific
// notation; no hex, no `Infinity`, no `NaN`, nothing empty.

export const NUMBER_PATTERN = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
