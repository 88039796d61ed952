# embed_assets.cmake: writes the HTML report's stylesheet and script as C
# byte arrays (NUL-terminated, so sizeof - 1 is the length).
# Usage: cmake -DCSS=file.css -DJS=file.js -DOUT=html_assets.h -P embed_assets.cmake
function(sc_embed name file out_var)
  file(READ "${file}" hex HEX)
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," body "${hex}")
  string(REGEX REPLACE "((0x[0-9a-f][0-9a-f],){20})" "\\1\n  " body "${body}")
  set(${out_var} "static const unsigned char ${name}[] = {\n  ${body}0x00};\n" PARENT_SCOPE)
endfunction()

sc_embed(sc_html_css "${CSS}" css)
sc_embed(sc_html_js "${JS}" js)
file(WRITE "${OUT}.tmp"
  "/* Generated from html_report.css and html_report.js by embed_assets.cmake: do not edit. */\n"
  "#ifndef SC_HTML_ASSETS_H\n#define SC_HTML_ASSETS_H\n${css}${js}#endif\n")
file(RENAME "${OUT}.tmp" "${OUT}")
