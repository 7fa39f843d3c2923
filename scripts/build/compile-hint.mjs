// V8's explicit compile hint (other engines read a comment): a file that starts with it is compiled eagerly, off the
// main thread while it streams in, instead of function by function in the middle of the widget's first render.
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';
