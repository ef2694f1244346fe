/// The report page's style sheet and its few lines of script, inlined so the file needs nothing else.
///
/// Fonts are the reader's own system fonts (no web fonts); the layout is a
/// single readable column up to 1,180 px with figures that scale down, and
/// `@media print` drops the navigation, unfolds everything and keeps each
/// figure on one page. The script does only what needs interaction: sort a
/// table by a clicked column, turn the 3-D scatter by dragging or with the
/// arrow keys (re-projecting with the same rotation ``Scatter3D`` draws).
enum ReportStyle {
  static let css = """
    :root{--ink:#1a1a1a;--muted:#555;--rule:#d9d9d9;--panel:#f6f7f9;--accent:#0072b2}
    *{box-sizing:border-box}
    body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:#fff}
    header.top{background:#12355b;color:#fff;padding:18px 28px}
    header.top h1{margin:0;font-size:24px}
    header.top p{margin:4px 0 0;color:#dbe6f3}
    nav.toc{position:sticky;top:0;z-index:5;background:#fff;border-bottom:1px solid var(--rule);padding:8px 28px;font-size:14px}
    nav.toc a{margin-right:16px;color:var(--accent);text-decoration:none}
    main{max-width:1180px;margin:0 auto;padding:8px 28px 60px}
    section{border-bottom:1px solid var(--rule);padding:12px 0 24px}
    h2{font-size:21px;margin:18px 0 8px}
    h3{font-size:17px;margin:18px 0 6px}
    p.note,figcaption,.muted{color:var(--muted);font-size:13px}
    .facts{display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:10px;margin:10px 0}
    .fact{background:var(--panel);border-radius:6px;padding:8px 12px}
    .fact b{display:block;font-size:12px;color:var(--muted);font-weight:600;text-transform:uppercase;letter-spacing:.03em}
    .fact span{font-size:17px;overflow-wrap:anywhere}
    .callout{border-left:4px solid var(--accent);background:#eef5fb;padding:10px 14px;margin:12px 0}
    pre,code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:13px}
    pre{background:var(--panel);padding:10px 12px;border-radius:6px;overflow:auto;max-height:420px;white-space:pre-wrap;overflow-wrap:anywhere}
    .table-wrap{overflow-x:auto;margin:8px 0}
    table{border-collapse:collapse;font-size:13px;min-width:50%}
    th,td{padding:4px 8px;border-bottom:1px solid var(--rule);text-align:left;vertical-align:top}
    td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
    table.sortable th{cursor:pointer;user-select:none;white-space:nowrap}
    table.sortable th::after{content:" \\2195";color:#aaa}
    table.sortable th[aria-sort=ascending]::after{content:" \\2191";color:var(--ink)}
    table.sortable th[aria-sort=descending]::after{content:" \\2193";color:var(--ink)}
    tr.chosen td{background:#fff6d6}
    td.reason{min-width:320px}
    td.configuration{white-space:nowrap}
    .swatch{display:inline-block;width:11px;height:11px;border-radius:2px;margin-right:6px;vertical-align:-1px}
    figure{margin:14px 0;page-break-inside:avoid;break-inside:avoid}
    .grid-figures{display:flex;flex-wrap:wrap;gap:14px}
    .grid-figures figure{margin:0}
    svg.chart{max-width:100%;height:auto;display:block;font-family:inherit}
    svg.scatter3d{cursor:grab;touch-action:none}
    svg.scatter3d:focus{outline:2px solid var(--accent)}
    .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(330px,1fr));gap:12px}
    .card{border:1px solid var(--rule);border-top:6px solid var(--c,#999);border-radius:6px;padding:10px 14px;page-break-inside:avoid;break-inside:avoid}
    .card h3{margin:0 0 2px}
    .card ul{margin:6px 0;padding-left:18px}
    .card .size{color:var(--muted);font-size:13px}
    text{font-size:11px;fill:#1a1a1a}
    text.tick{fill:#555;font-size:10.5px}
    text.axis-title{font-size:12px;fill:#333}
    text.note{fill:#555;font-size:10.5px}
    text.legend{font-size:11.5px}
    text.mark-label{font-size:11px;font-weight:600;paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}
    text.cell{font-size:10.5px}
    line.grid{stroke:#ececec}
    rect.frame{stroke:#bbb}
    path.ring{stroke:#ddd}
    path.ring.zero{stroke:#888}
    line.whisker{stroke:#333;stroke-width:1.2}
    line.median{stroke:#111;stroke-width:2}
    rect.box{stroke:#333;stroke-width:.8;fill-opacity:.85}
    circle.mean{stroke:#111;stroke-width:.8}
    circle.mark{stroke:#111;stroke-width:1.6}
    line.reference,line.mean-line{stroke:#b00;stroke-width:1.2}
    line.population{stroke:#111;stroke-width:2}
    line.a3{stroke:#999}
    circle.dot,circle.p3{fill-opacity:.75}
    @media print{
      nav.toc{display:none}
      header.top{background:none;color:#000;padding:0 0 8px;border-bottom:2px solid #000}
      header.top p{color:#333}
      main{max-width:none;padding:0}
      section{page-break-before:always;break-before:page;border:0}
      section#summary{page-break-before:auto;break-before:auto}
      pre{max-height:none}
      a{color:inherit;text-decoration:none}
    }
    """

  static let script = """
    (function(){
    "use strict";
    function key(cell){var v=cell.getAttribute("data-sort");return v===null?cell.textContent:v;}
    document.querySelectorAll("table.sortable").forEach(function(table){
      var heads=table.tHead.rows[0].cells;
      Array.prototype.forEach.call(heads,function(th,column){
        th.addEventListener("click",function(){
          var body=table.tBodies[0],rows=Array.prototype.slice.call(body.rows);
          var ascending=th.getAttribute("aria-sort")!=="ascending";
          rows.sort(function(a,b){
            var x=key(a.cells[column]),y=key(b.cells[column]);
            if(x===""&&y!=="")return 1;
            if(y===""&&x!=="")return -1;
            var nx=parseFloat(x),ny=parseFloat(y);
            var c=(!isNaN(nx)&&!isNaN(ny))?nx-ny:String(x).localeCompare(String(y));
            return ascending?c:-c;
          });
          rows.forEach(function(row){body.appendChild(row);});
          Array.prototype.forEach.call(heads,function(h){h.removeAttribute("aria-sort");});
          th.setAttribute("aria-sort",ascending?"ascending":"descending");
        });
      });
    });
    document.querySelectorAll("svg.scatter3d").forEach(function(svg){
      var points=JSON.parse(document.getElementById(svg.getAttribute("data-points")).textContent);
      var dots=Array.prototype.slice.call(svg.querySelectorAll("circle.p3"));
      var axes=svg.querySelectorAll("line.a3"),names=svg.querySelectorAll("text.a3");
      var yaw=+svg.getAttribute("data-yaw"),pitch=+svg.getAttribute("data-pitch");
      var scale=+svg.getAttribute("data-scale"),cx=+svg.getAttribute("data-cx"),cy=+svg.getAttribute("data-cy");
      var group=dots.length?dots[0].parentNode:svg;
      function project(p){
        var x1=p[0]*Math.cos(yaw)+p[2]*Math.sin(yaw),z1=-p[0]*Math.sin(yaw)+p[2]*Math.cos(yaw);
        return [x1,p[1]*Math.cos(pitch)-z1*Math.sin(pitch),p[1]*Math.sin(pitch)+z1*Math.cos(pitch)];
      }
      function draw(){
        var depth=[];
        for(var i=0;i<points.length;i++){
          var q=project(points[i]);
          dots[i].setAttribute("cx",(cx+scale*q[0]).toFixed(1));
          dots[i].setAttribute("cy",(cy-scale*q[1]).toFixed(1));
          depth.push([q[2],i]);
        }
        depth.sort(function(a,b){return a[0]-b[0]||a[1]-b[1];});
        var fragment=document.createDocumentFragment();
        depth.forEach(function(d){fragment.appendChild(dots[d[1]]);});
        group.appendChild(fragment);
        var unit=[[1,0,0],[0,1,0],[0,0,1]];
        for(var a=0;a<axes.length;a++){
          var e=project(unit[a]);
          axes[a].setAttribute("x2",(cx+scale*e[0]).toFixed(1));
          axes[a].setAttribute("y2",(cy-scale*e[1]).toFixed(1));
          names[a].setAttribute("x",(cx+scale*1.08*e[0]).toFixed(1));
          names[a].setAttribute("y",(cy-scale*1.08*e[1]).toFixed(1));
        }
      }
      var dragging=null;
      svg.addEventListener("pointerdown",function(e){dragging=[e.clientX,e.clientY];svg.setPointerCapture(e.pointerId);});
      svg.addEventListener("pointermove",function(e){
        if(!dragging)return;
        yaw+=(e.clientX-dragging[0])*0.01;
        pitch=Math.max(-1.5,Math.min(1.5,pitch+(e.clientY-dragging[1])*0.01));
        dragging=[e.clientX,e.clientY];draw();
      });
      svg.addEventListener("pointerup",function(){dragging=null;});
      svg.addEventListener("keydown",function(e){
        var turns={ArrowLeft:[-0.1,0],ArrowRight:[0.1,0],ArrowUp:[0,-0.1],ArrowDown:[0,0.1]}[e.key];
        if(!turns)return;
        e.preventDefault();yaw+=turns[0];pitch=Math.max(-1.5,Math.min(1.5,pitch+turns[1]));draw();
      });
    });
    })();
    """
}
