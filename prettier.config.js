// The office-addin house style (printWidth 100, trailing commas es5).
module.exports = require("office-addin-prettier-config/prettier.config.js");
